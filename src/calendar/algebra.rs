//! Set operations on compiled chunks: union, intersection and difference of business time.
//!
//! Calendars in different zones combine instant by instant: an instant is business time of
//! `A ∪ B` iff it is business time of `A` or of `B`, and so on. Since every calendar compiles
//! to sorted, disjoint UTC intervals per year, each operation is a linear merge of two
//! interval lists, done once per year and cached like any other chunk.

#[cfg(test)]
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

/// The union of two lists (the reference for [`union_all`] in tests).
#[cfg(test)]
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

/// The union of several sorted lists of intervals, in one sweep: repeatedly takes the
/// earliest start among the lists' heads (a linear scan over at most
/// [`MAX_COMBINED_CALENDARS`](super::MAX_COMBINED_CALENDARS) heads beats a heap at that size).
fn union_all(lists: &[Intervals]) -> Intervals {
    let mut heads = vec![0usize; lists.len()];
    let mut out: Intervals = Vec::with_capacity(lists.iter().map(Vec::len).max().unwrap_or(0));
    loop {
        let mut best: Option<(usize, (i64, i64))> = None;
        for (k, (list, &h)) in lists.iter().zip(&heads).enumerate() {
            if let Some(&iv) = list.get(h) {
                if best.is_none_or(|b| iv.0 < b.1 .0) {
                    best = Some((k, iv));
                }
            }
        }
        let Some((k, next)) = best else { break };
        if let Some(h) = heads.get_mut(k) {
            *h += 1;
        }
        match out.last_mut() {
            Some(last) if next.0 <= last.1 => last.1 = last.1.max(next.1),
            _ => out.push(next),
        }
    }
    out
}

/// Combines the sorted interval lists of the members of a composite calendar.
pub(crate) fn combine_intervals(op: SetOp, members: Vec<Intervals>) -> Intervals {
    if op == SetOp::Union {
        return union_all(&members);
    }
    let mut iter = members.into_iter();
    let mut acc = iter.next().unwrap_or_default();
    for other in iter {
        if acc.is_empty() {
            break;
        }
        acc = match op {
            SetOp::Intersection => intersection(&acc, &other),
            _ => difference(&acc, &other),
        };
    }
    acc
}

/// Combines the chunks of the members of a composite calendar for the same year.
#[cfg(test)]
pub(crate) fn combine(op: SetOp, start: i64, end: i64, members: &[&Chunk]) -> Chunk {
    let lists = members.iter().map(|m| m.intervals().collect()).collect();
    Chunk::from_sorted(start, end, &combine_intervals(op, lists))
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
        let lists = vec![
            vec![(0, 10), (20, 30)],
            vec![(5, 25), (40, 50)],
            vec![],
            vec![(30, 35), (60, 70)],
        ];
        assert_eq!(
            combine_intervals(SetOp::Union, lists.clone()),
            vec![(0, 35), (40, 50), (60, 70)]
        );
        assert_eq!(
            combine_intervals(SetOp::Union, lists.clone()),
            union(&union(&union(&lists[0], &lists[1]), &lists[2]), &lists[3])
        );
        assert_eq!(
            combine_intervals(
                SetOp::Intersection,
                vec![lists[0].clone(), lists[1].clone()]
            ),
            intersection(&lists[0], &lists[1])
        );
        assert_eq!(
            combine(
                SetOp::Difference,
                0,
                100,
                &[&Chunk::from_sorted(0, 100, &[(0, 100)])]
            )
            .total,
            100
        );
    }
}
