//! Statistical Arabic named-entity tagger (averaged perceptron) trained on ANERcorp.
