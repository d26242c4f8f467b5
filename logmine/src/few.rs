//! [`Few`]: a list that keeps its first item inline.
//!
//! The miner's evidence maps (pairs of varying positions, stretches holding phrases) get one
//! entry per candidate of every new template, and almost all of them never see a second
//! template: a `Vec` per entry would cost an allocation each for nothing. Written here rather
//! than taken from a crate (`smallvec`) to keep the miner's dependencies to serde.

/// A list of `Copy` items whose first item needs no allocation.
#[derive(Debug, Clone)]
pub(crate) struct Few<T: Copy> {
    first: Option<T>,
    rest: Vec<T>,
}

impl<T: Copy> Default for Few<T> {
    fn default() -> Self {
        Self {
            first: None,
            rest: Vec::new(),
        }
    }
}

impl<T: Copy> Few<T> {
    /// Appends an item.
    pub(crate) fn push(&mut self, item: T) {
        if self.first.is_none() && self.rest.is_empty() {
            self.first = Some(item);
        } else {
            self.rest.push(item);
        }
    }

    /// Number of items.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.rest.len()
    }

    /// The items, oldest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.first.iter().chain(&self.rest)
    }

    /// Drops the oldest item.
    pub(crate) fn remove_oldest(&mut self) {
        if self.first.take().is_none() && !self.rest.is_empty() {
            self.rest.remove(0);
        }
    }

    /// Drops every item.
    pub(crate) fn clear(&mut self) {
        self.first = None;
        self.rest.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_order_through_pushes_and_removals() {
        let mut few = Few::default();
        assert_eq!(few.len(), 0);
        for i in 0..4 {
            few.push(i);
        }
        assert_eq!(few.iter().copied().collect::<Vec<_>>(), [0, 1, 2, 3]);
        few.remove_oldest();
        few.remove_oldest();
        assert_eq!(few.iter().copied().collect::<Vec<_>>(), [2, 3]);
        few.push(4);
        assert_eq!(few.iter().copied().collect::<Vec<_>>(), [2, 3, 4]);
        assert_eq!(few.len(), 3);
        few.clear();
        assert_eq!(few.len(), 0);
        few.push(5);
        assert_eq!(few.iter().copied().collect::<Vec<_>>(), [5]);
    }
}
