//! `marsad`: the command-line front of the engine.
fn main() {}
