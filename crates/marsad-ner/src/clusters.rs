//! Word clusters: a map from normalised word to a fine and a coarse cluster id.

use std::collections::HashMap;

/// Word → (fine cluster, coarse cluster). Empty when the model was trained without clusters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clusters {
    map: HashMap<String, (u16, u16)>,
}

impl Clusters {
    /// Builds from explicit entries (normalised word, fine id, coarse id).
    pub fn from_entries(entries: impl IntoIterator<Item = (String, u16, u16)>) -> Clusters {
        Clusters {
            map: entries.into_iter().map(|(w, f, c)| (w, (f, c))).collect(),
        }
    }

    /// Cluster ids of a normalised word.
    #[inline]
    pub fn get(&self, norm: &str) -> Option<(u16, u16)> {
        self.map.get(norm).copied()
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Entries sorted by word, so serialisation is deterministic.
    pub fn sorted_entries(&self) -> Vec<(&str, u16, u16)> {
        let mut v: Vec<_> = self
            .map
            .iter()
            .map(|(w, &(f, c))| (w.as_str(), f, c))
            .collect();
        v.sort_unstable();
        v
    }
}
