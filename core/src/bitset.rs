//! A set of statements by slot (their place in time, see
//! [`crate::filter::FilterIndex`]), one bit each: what a request keeps, what
//! a facet value holds, and what facet counts and the chronology consume.

/// A set of slots, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    /// The empty set over `len` slots.
    pub fn empty(len: usize) -> BitSet {
        BitSet {
            words: vec![0; len.div_ceil(64)],
        }
    }

    /// The set of all `len` slots.
    pub fn full(len: usize) -> BitSet {
        let mut words = vec![u64::MAX; len.div_ceil(64)];
        if let (Some(last), rem @ 1..) = (words.last_mut(), len % 64) {
            *last = (1u64 << rem) - 1;
        }
        BitSet { words }
    }

    /// Adds `slot` (ignored when out of range).
    pub fn insert(&mut self, slot: usize) {
        if let Some(w) = self.words.get_mut(slot / 64) {
            *w |= 1 << (slot % 64);
        }
    }

    /// Whether `slot` is in the set.
    pub fn contains(&self, slot: usize) -> bool {
        self.words
            .get(slot / 64)
            .is_some_and(|w| w & (1 << (slot % 64)) != 0)
    }

    /// Keeps only the slots also in `other`.
    pub fn intersect(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds the slots of `other`.
    pub fn union(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Number of slots in the set.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// Number of slots in both sets, without building the intersection.
    pub fn count_common(&self, other: &BitSet) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// The slots, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut w = word;
            core::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(i * 64 + bit)
            })
        })
    }

    /// The slots, descending.
    pub fn iter_rev(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().rev().flat_map(|(i, &word)| {
            let mut w = word;
            core::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = 63 - w.leading_zeros() as usize;
                w &= !(1 << bit);
                Some(i * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitsets_iterate_both_ways_and_count() {
        let mut set = BitSet::empty(130);
        for i in [0, 1, 63, 64, 127, 129, 500] {
            set.insert(i);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 1, 63, 64, 127, 129]);
        assert_eq!(set.iter_rev().collect::<Vec<_>>(), [129, 127, 64, 63, 1, 0]);
        assert_eq!(set.len(), 6);
        let full = BitSet::full(130);
        assert_eq!(full.len(), 130);
        assert_eq!(full.count_common(&set), 6);
        assert_eq!(BitSet::full(128).len(), 128);
        assert!(BitSet::full(0).is_empty());
    }
}
