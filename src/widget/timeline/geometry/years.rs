//! The marks by year, for the chronology's equivalent list.

use super::Axis;
use crate::date::Day;

impl Axis {
    /// Marks grouped by the year they start in, with how many of each
    /// group are matched: the equivalent list of the drawing.
    pub fn years(&self, matched: &[bool]) -> Vec<Year> {
        let mut years: Vec<Year> = Vec::new();
        for (i, m) in self.marks.iter().enumerate() {
            let year = Day::from_ordinal(m.start).year;
            let on = matched.get(i).copied().unwrap_or(true);
            match years.last_mut() {
                Some(y) if y.year == year => {
                    y.last = i;
                    y.total += 1;
                    y.matched += u32::from(on);
                }
                _ => years.push(Year {
                    year,
                    first: i,
                    last: i,
                    total: 1,
                    matched: u32::from(on),
                }),
            }
        }
        years
    }
}

/// The statements of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year {
    /// The year.
    pub year: u16,
    /// Index of its first mark.
    pub first: usize,
    /// Index of its last mark.
    pub last: usize,
    /// Marks in it.
    pub total: u32,
    /// Of those, the matched ones.
    pub matched: u32,
}

/// Most statements one year of the equivalent list names. A list of
/// thousands helps nobody and costs every update a rebuild of as many
/// elements; a larger year names its matching statements up to this many and
/// says how many more it holds ("only this year" puts them all in the results).
pub const YEAR_LIST_MAX: usize = 25;

impl Year {
    /// Whether the year's list names a mark, given whether it matches and
    /// how many the list has named before it (in time order): every mark of
    /// a year of at most `max`, else matching ones until `max` are named.
    pub fn lists(&self, matched: bool, named: usize, max: usize) -> bool {
        self.total as usize <= max || (matched && named < max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widget::timeline::geometry::testing::*;

    #[test]
    fn a_long_year_lists_its_matches_up_to_the_most_and_counts_the_rest() {
        let year = Year {
            year: 2015,
            first: 10,
            last: 19,
            total: 10,
            matched: 4,
        };
        let matching = [11, 12, 15, 19];
        let list = |max: usize| {
            let mut named = Vec::new();
            for i in year.first..=year.last {
                if year.lists(matching.contains(&i), named.len(), max) {
                    named.push(i);
                }
            }
            let left = year.total as usize - named.len();
            (named, left)
        };
        // A short year lists every statement, matching or not.
        assert_eq!(list(10), ((10..=19).collect(), 0));
        // A long one lists its matching ones, in time order, up to the most.
        assert_eq!(list(9), (vec![11, 12, 15, 19], 6));
        assert_eq!(list(3), (vec![11, 12, 15], 7));
    }

    #[test]
    fn years_group_marks_with_counts() {
        let axis = corpus_like();
        let years = axis.years(&[true, false, true, false, false, true]);
        let summary: Vec<(u16, u32, u32)> =
            years.iter().map(|y| (y.year, y.total, y.matched)).collect();
        assert_eq!(
            summary,
            vec![(2015, 3, 2), (2016, 1, 0), (2017, 1, 0), (2023, 1, 1)]
        );
        assert_eq!((years[0].first, years[0].last), (0, 2));
    }
}
