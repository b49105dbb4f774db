//! Knowledge base of actors (states, cities, organisations, leaders) and the gazetteer that finds them in text.
