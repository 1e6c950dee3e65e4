//! Set operations on compiled chunks: union, intersection and difference of business time.
//!
//! Calendars in different zones combine instant by instant: an instant is business time of
//! `A ∪ B` iff it is business time of `A` or of `B`, and so on. Since every calendar compiles
//! to sorted, disjoint UTC intervals per year, each operation is a linear merge of two
//! interval lists, done once per year and cached like any other chunk.

use super::timeline::Chunk;

/// Which set operation combines the members of a composite calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SetOp {
    Union,
    Intersection,
    Difference,
}

/// Sorted, disjoint intervals.
type Intervals = Vec<(i64, i64)>;

fn union(a: &[(i64, i64)], b: &[(i64, i64)]) -> Intervals {
    let mut all: Intervals = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 <= y.0 => {
                i += 1;
                *x
            }
            (_, Some(y)) => {
                j += 1;
                *y
            }
            (Some(x), None) => {
                i += 1;
                *x
            }
            (None, None) => break,
        };
        match all.last_mut() {
            Some(last) if next.0 <= last.1 => last.1 = last.1.max(next.1),
            _ => all.push(next),
        }
    }
    all
}

fn intersection(a: &[(i64, i64)], b: &[(i64, i64)]) -> Intervals {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let (s, e) = (x.0.max(y.0), x.1.min(y.1));
        if s < e {
            out.push((s, e));
        }
        if x.1 <= y.1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn difference(a: &[(i64, i64)], b: &[(i64, i64)]) -> Intervals {
    let mut out = Vec::new();
    let mut j = 0;
    for &(s, e) in a {
        let mut cur = s;
        while b.get(j).is_some_and(|y| y.1 <= cur) {
            j += 1;
        }
        let mut k = j;
        while let Some(&(ys, ye)) = b.get(k) {
            if ys >= e {
                break;
            }
            if ys > cur {
                out.push((cur, ys));
            }
            cur = cur.max(ye);
            if cur >= e {
                break;
            }
            k += 1;
        }
        if cur < e {
            out.push((cur, e));
        }
    }
    out
}

/// Combines the chunks of the members of a composite calendar for the same year.
pub(crate) fn combine(op: SetOp, start: i64, end: i64, members: &[&Chunk]) -> Chunk {
    let mut iter = members.iter();
    let mut acc: Intervals = match iter.next() {
        Some(first) => first.intervals().collect(),
        None => Vec::new(),
    };
    for m in iter {
        let other: Intervals = m.intervals().collect();
        acc = match op {
            SetOp::Union => union(&acc, &other),
            SetOp::Intersection => intersection(&acc, &other),
            SetOp::Difference => difference(&acc, &other),
        };
    }
    Chunk::from_sorted(start, end, &acc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let a = [(0, 10), (20, 30)];
        let b = [(5, 25), (40, 50)];
        assert_eq!(union(&a, &b), vec![(0, 30), (40, 50)]);
        assert_eq!(intersection(&a, &b), vec![(5, 10), (20, 25)]);
        assert_eq!(difference(&a, &b), vec![(0, 5), (25, 30)]);
        assert_eq!(difference(&b, &a), vec![(10, 20), (40, 50)]);
        assert_eq!(
            difference(&[(0, 100)], &[(10, 20), (30, 40)]),
            vec![(0, 10), (20, 30), (40, 100)]
        );
        assert_eq!(union(&[(0, 10)], &[(10, 20)]), vec![(0, 20)]);
    }
}
