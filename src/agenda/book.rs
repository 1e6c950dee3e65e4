//! The [`Agenda`]: the scheduled changes of many open incidents, kept incrementally.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::item::{AgendaId, AgendaItem};
use super::schedule::schedule;
use crate::contract::Contract;
use crate::error::Error;
#[cfg(doc)]
use crate::evaluate::{evaluate, next_wake_up};
use crate::incident::Incident;

/// One incident in the agenda: its contract, the incident, and its changes after the agenda's
/// `now`, in time order.
#[derive(Clone, Debug)]
struct Entry {
    contract: Arc<Contract>,
    incident: Incident,
    items: VecDeque<AgendaItem>,
}

impl Entry {
    /// The incident scheduled after `now` under handle `id`.
    fn new(
        id: AgendaId,
        contract: Arc<Contract>,
        incident: Incident,
        now: DateTime<Utc>,
    ) -> Result<Entry, Error> {
        let changes = schedule(&contract, &incident, now)?;
        let items = if changes.is_empty() {
            // Nothing to name: no allocation (most incidents of a large agenda, whose
            // metrics are settled and which have no ladder).
            VecDeque::new()
        } else {
            let name: Arc<str> = incident.id().into();
            let customer: Arc<str> = contract.customer().into();
            changes
                .into_iter()
                .map(|(at, change)| AgendaItem {
                    at,
                    entry: id,
                    incident: name.clone(),
                    customer: customer.clone(),
                    change,
                })
                .collect()
        };
        Ok(Entry {
            contract,
            incident,
            items,
        })
    }

    /// The instant of its next change.
    fn head(&self) -> Option<DateTime<Utc>> {
        self.items.front().map(|i| i.at)
    }
}

/// The scheduled changes of many open incidents across contracts, as of a moving `now`: when
/// anything next changes and what, everything due before an instant, and incremental updates.
///
/// Each incident's changes after `now` are computed when it is inserted or updated, from one
/// evaluation (more only for events recorded after `now`), and kept in time order; an index
/// ordered by (instant, [`AgendaId`]) holds each incident's next change:
///
/// | operation | cost |
/// | --- | --- |
/// | [`insert`](Agenda::insert), [`update`](Agenda::update) | one [`evaluate`] + O(log n) |
/// | [`insert_all`](Agenda::insert_all) of n incidents | n evaluations + O(n log n) |
/// | [`remove`](Agenda::remove), [`get`](Agenda::get), [`next_instant`](Agenda::next_instant), [`peek`](Agenda::peek) | O(log n) (+ the items at that instant) |
/// | [`due_before`](Agenda::due_before) | O(log n + k log k) for k items due |
/// | [`advance`](Agenda::advance), [`pop`](Agenda::pop) | O((k + 1) log n) for k items handled, no evaluation |
///
/// Changing one incident never re-evaluates the others, and advancing re-evaluates nothing:
/// without new events an evaluation's record fixes every later change. The agenda is exact:
/// an item at `t` for an incident means that evaluating it at `t` shows the change and one
/// nanosecond earlier does not, and [`next_instant`](Agenda::next_instant) is the minimum of
/// [`next_wake_up`] over every incident at the agenda's `now` (property-tested).
///
/// Items due at the same instant are ordered by [`AgendaId`], then as each incident lists
/// them (steps in ladder order, then breaches in metric order, then events).
#[derive(Clone, Debug)]
pub struct Agenda {
    now: DateTime<Utc>,
    next: u64,
    entries: BTreeMap<AgendaId, Entry>,
    /// Each entry's next change: (instant, entry). Entries with nothing scheduled are absent.
    index: BTreeSet<(DateTime<Utc>, AgendaId)>,
}

impl Agenda {
    /// An empty agenda as of `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        Agenda {
            now,
            next: 0,
            entries: BTreeMap::new(),
            index: BTreeSet::new(),
        }
    }

    /// The instant the agenda stands at: everything it holds is due after it.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The number of incidents (with or without anything scheduled).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the agenda holds no incident.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn put(&mut self, id: AgendaId, entry: Entry) {
        if let Some(at) = entry.head() {
            self.index.insert((at, id));
        }
        self.entries.insert(id, entry);
    }

    /// Schedules `incident` under `contract`: its changes after the agenda's `now`.
    ///
    /// # Errors
    /// As [`evaluate`] (the agenda is unchanged); [`Error::OutOfRange`] after 2⁶⁴ insertions.
    pub fn insert(
        &mut self,
        contract: Arc<Contract>,
        incident: Incident,
    ) -> Result<AgendaId, Error> {
        let id = AgendaId(self.next);
        let next = self
            .next
            .checked_add(1)
            .ok_or_else(|| crate::error::out_of_range("Agenda::insert", self.next))?;
        let entry = Entry::new(id, contract, incident, self.now)?;
        self.next = next;
        self.put(id, entry);
        Ok(id)
    }

    /// Schedules many incidents at once, their handles in input order. Building an agenda
    /// this way sorts the index once instead of inserting into it one by one; with the cargo
    /// feature `rayon` the incidents are evaluated on rayon's thread pool (same result).
    ///
    /// # Errors
    /// As [`evaluate`]; an error that carries a path names the incident by its position
    /// (`incidents[3].events[0].severity`). On error nothing is inserted.
    pub fn insert_all(
        &mut self,
        incidents: impl IntoIterator<Item = (Arc<Contract>, Incident)>,
    ) -> Result<Vec<AgendaId>, Error> {
        let input: Vec<(Arc<Contract>, Incident)> = incidents.into_iter().collect();
        let first = self.next;
        let next = u64::try_from(input.len())
            .ok()
            .and_then(|n| first.checked_add(n))
            .ok_or_else(|| crate::error::out_of_range("Agenda::insert_all", first))?;
        let now = self.now;
        let build = |(k, (contract, incident)): (usize, (Arc<Contract>, Incident))| {
            let id = u64::try_from(k)
                .ok()
                .and_then(|k| first.checked_add(k))
                .map(AgendaId)
                .ok_or_else(|| crate::error::out_of_range("Agenda::insert_all", first))?;
            Entry::new(id, contract, incident, now)
                .map(|entry| (id, entry))
                .map_err(|e| e.at(&format!("incidents[{k}]")))
        };
        #[cfg(feature = "rayon")]
        let results: Vec<Result<(AgendaId, Entry), Error>> = {
            use rayon::prelude::*;
            input.into_par_iter().enumerate().map(build).collect()
        };
        #[cfg(not(feature = "rayon"))]
        let results: Vec<Result<(AgendaId, Entry), Error>> =
            input.into_iter().enumerate().map(build).collect();
        // The first error in input order, with or without `rayon`.
        let fresh = results.into_iter().collect::<Result<Vec<_>, Error>>()?;
        self.next = next;
        let ids = fresh.iter().map(|(id, _)| *id).collect();
        let heads = fresh
            .iter()
            .filter_map(|(id, e)| e.head().map(|at| (at, *id)));
        if self.index.is_empty() {
            // Collecting sorts once and builds the tree in bulk.
            self.index = heads.collect();
        } else {
            self.index.extend(heads);
        }
        if self.entries.is_empty() {
            // Already sorted by handle: collecting builds the tree in bulk.
            self.entries = fresh.into_iter().collect();
        } else {
            // The new handles are larger than every old one: appended in order.
            self.entries.extend(fresh);
        }
        Ok(ids)
    }

    /// Replaces incident `id` (a new event, a closing …) with `incident` under `contract`
    /// and schedules it again after the agenda's `now`; it keeps its [`AgendaId`] and the
    /// other incidents are not touched.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for an `id` not in the agenda; as [`evaluate`]. On error the
    /// agenda is unchanged.
    pub fn update(
        &mut self,
        id: AgendaId,
        contract: Arc<Contract>,
        incident: Incident,
    ) -> Result<(), Error> {
        if !self.entries.contains_key(&id) {
            return Err(Error::UnknownName {
                path: "agenda".into(),
                kind: "agenda entry".into(),
                name: id.to_string(),
                known: Vec::new(),
            });
        }
        let entry = Entry::new(id, contract, incident, self.now)?;
        self.remove(id);
        self.put(id, entry);
        Ok(())
    }

    /// Removes incident `id` (resolved, closed …) with whatever it had scheduled, and returns
    /// its contract and incident.
    pub fn remove(&mut self, id: AgendaId) -> Option<(Arc<Contract>, Incident)> {
        let entry = self.entries.remove(&id)?;
        if let Some(at) = entry.head() {
            self.index.remove(&(at, id));
        }
        Some((entry.contract, entry.incident))
    }

    /// The incident and contract of `id`.
    pub fn get(&self, id: AgendaId) -> Option<(&Incident, &Arc<Contract>)> {
        self.entries.get(&id).map(|e| (&e.incident, &e.contract))
    }

    /// Everything scheduled for incident `id` after `now`, in time order (empty for an
    /// unknown `id`).
    pub fn scheduled(&self, id: AgendaId) -> impl Iterator<Item = &AgendaItem> + '_ {
        self.entries
            .get(&id)
            .into_iter()
            .flat_map(|e| e.items.iter())
    }

    /// The next instant anything changes, after `now`; `None`: nothing changes without new
    /// events.
    pub fn next_instant(&self) -> Option<DateTime<Utc>> {
        self.index.first().map(|(at, _)| *at)
    }

    /// What changes at [`next_instant`](Agenda::next_instant), in order (empty when nothing is
    /// scheduled).
    pub fn peek(&self) -> Vec<&AgendaItem> {
        let Some(at) = self.next_instant() else {
            return Vec::new();
        };
        // The index lists the incidents due at `at` by handle, each incident its items in
        // order: already sorted.
        self.index
            .range(..=(at, AgendaId(u64::MAX)))
            .filter_map(|(_, id)| self.entries.get(id))
            .flat_map(|e| e.items.iter().take_while(|i| i.at <= at))
            .collect()
    }

    /// Everything due after `now` and strictly before `until`, in order (instant, then
    /// [`AgendaId`], then as the incident lists them): `due_before(now + 1h)` answers "what
    /// breaches or escalates in the next hour".
    pub fn due_before(&self, until: DateTime<Utc>) -> Vec<&AgendaItem> {
        let mut out: Vec<&AgendaItem> = self
            .index
            .range(..(until, AgendaId(0)))
            .filter_map(|(_, id)| self.entries.get(id))
            .flat_map(|e| e.items.iter().take_while(|i| i.at < until))
            .collect();
        // Stable: one incident's items stay in its order.
        out.sort_by_key(|i| (i.at, i.entry));
        out
    }

    /// Moves the agenda to `to` and hands over everything due after the old `now` and at or
    /// before `to`, in order: the host acts on them (notifies, records the breach) and they
    /// are gone from the agenda. Nothing is evaluated again.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `to` is before `now` (the agenda is unchanged).
    pub fn advance(&mut self, to: DateTime<Utc>) -> Result<Vec<AgendaItem>, Error> {
        if to < self.now {
            return Err(Error::InvalidArgument {
                operation: "Agenda::advance",
                reason: format!(
                    "{} is before the agenda's now {}",
                    crate::time::rfc3339(to),
                    crate::time::rfc3339(self.now)
                ),
            });
        }
        let mut out = Vec::new();
        while let Some(&(at, id)) = self.index.first() {
            if at > to {
                break;
            }
            self.index.pop_first();
            let Some(entry) = self.entries.get_mut(&id) else {
                continue;
            };
            while entry.items.front().is_some_and(|i| i.at <= to) {
                out.extend(entry.items.pop_front());
            }
            if let Some(at) = entry.head() {
                self.index.insert((at, id));
            }
        }
        out.sort_by_key(|i| (i.at, i.entry));
        self.now = to;
        Ok(out)
    }

    /// Moves the agenda to [`next_instant`](Agenda::next_instant) and hands over what changes
    /// then, in order; empty (and `now` unchanged) when nothing is scheduled.
    pub fn pop(&mut self) -> Vec<AgendaItem> {
        match self.next_instant() {
            // Not before `now`: every scheduled item is after it.
            Some(at) => self.advance(at).unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// The incidents with their handles, by [`AgendaId`].
    pub fn iter(&self) -> impl Iterator<Item = (AgendaId, &Incident, &Arc<Contract>)> + '_ {
        self.entries
            .iter()
            .map(|(id, e)| (*id, &e.incident, &e.contract))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Change;
    use crate::contract::agreement::ContractSpec;
    use crate::contract::catalog::Catalog;
    use crate::contract::Metric;
    use crate::testing::t;

    /// A 30-minute reaction on 24x7 with a warning at half of it.
    fn contract() -> Arc<Contract> {
        let catalog: Catalog = serde_json::from_str(
            r#"{"name": "Example", "severities": [{"key": "high", "name": "High"}],
            "plans": {"p": {"name": "P",
              "targets": {"high": {"reaction": {"within": "30m", "clock": "24x7"}}},
              "ladders": {"high": {"steps": [
                {"share": "50", "metric": "reaction", "notify": "Team lead"}]}}}}}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let terms = ContractSpec {
            customer: "ACME".into(),
            plan: "p".into(),
            ..Default::default()
        };
        Arc::new(Contract::new(Arc::new(catalog), terms).unwrap_or_else(|e| panic!("{e}")))
    }

    fn incident(id: &str, at: &str, severity: &str) -> Incident {
        serde_json::from_str(&format!(
            r#"{{"id": "{id}", "events": [{{"at": "{at}", "kind": "reported", "severity": "{severity}"}}]}}"#
        ))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn changes_come_in_order_and_advancing_hands_them_over() {
        let c = contract();
        let mut agenda = Agenda::new(t("2026-03-02T10:00:00Z"));
        let a = agenda
            .insert(c.clone(), incident("A", "2026-03-02T10:00:00Z", "high"))
            .unwrap_or_else(|e| panic!("{e}"));
        let b = agenda
            .insert(c.clone(), incident("B", "2026-03-02T09:50:00Z", "high"))
            .unwrap_or_else(|e| panic!("{e}"));
        // B: warning at 10:05, breach 10:20 + 1 ns; A: warning 10:15, breach 10:30 + 1 ns.
        let at: Vec<_> = agenda
            .due_before(t("2026-03-02T11:00:00Z"))
            .iter()
            .map(|i| (i.at, i.entry))
            .collect();
        let ns = chrono::TimeDelta::nanoseconds(1);
        assert_eq!(
            at,
            [
                (t("2026-03-02T10:05:00Z"), b),
                (t("2026-03-02T10:15:00Z"), a),
                (t("2026-03-02T10:20:00Z") + ns, b),
                (t("2026-03-02T10:30:00Z") + ns, a),
            ]
        );
        // `due_before` excludes its bound.
        assert_eq!(agenda.due_before(t("2026-03-02T10:15:00Z")).len(), 1);
        assert_eq!(agenda.next_instant(), Some(t("2026-03-02T10:05:00Z")));
        let popped = agenda.pop();
        assert_eq!(popped.len(), 1);
        assert_eq!(agenda.now(), t("2026-03-02T10:05:00Z"));
        let handed = agenda
            .advance(t("2026-03-02T10:20:00Z") + ns)
            .unwrap_or_default();
        assert_eq!(
            handed
                .iter()
                .map(|i| (i.entry, &i.change))
                .collect::<Vec<_>>(),
            [
                (a, &popped[0].change),
                (
                    b,
                    &Change::Breach {
                        metric: Metric::Reaction
                    }
                )
            ]
        );
        assert_eq!(agenda.scheduled(a).count(), 1);
        assert_eq!(agenda.scheduled(b).count(), 0);
        // Removing A leaves nothing scheduled; popping then changes nothing.
        assert!(agenda.remove(a).is_some());
        assert_eq!(agenda.next_instant(), None);
        assert!(agenda.pop().is_empty());
        assert_eq!(agenda.now(), t("2026-03-02T10:20:00Z") + ns);
        assert_eq!(agenda.len(), 1);
    }

    #[test]
    fn bad_calls_leave_the_agenda_unchanged() {
        let c = contract();
        let mut agenda = Agenda::new(t("2026-03-02T10:00:00Z"));
        let a = agenda
            .insert(c.clone(), incident("A", "2026-03-02T10:00:00Z", "high"))
            .unwrap_or_else(|e| panic!("{e}"));
        let back = agenda.advance(t("2026-03-02T09:00:00Z"));
        assert_eq!(
            back.err().map(|e| e.to_string()),
            Some(
                "Agenda::advance: 2026-03-02T09:00:00Z is before the agenda's now \
                 2026-03-02T10:00:00Z"
                    .into()
            )
        );
        let unknown = agenda.update(
            AgendaId(9),
            c.clone(),
            incident("A", "2026-03-02T10:00:00Z", "high"),
        );
        assert_eq!(
            unknown.err().map(|e| e.to_string()),
            Some("agenda: unknown agenda entry `#9`".into())
        );
        // The second incident's severity is unknown: nothing is inserted, and its position
        // is named.
        let err = agenda.insert_all([
            (c.clone(), incident("B", "2026-03-02T10:00:00Z", "high")),
            (c.clone(), incident("C", "2026-03-02T10:00:00Z", "urgent")),
        ]);
        assert!(
            err.as_ref()
                .is_err_and(|e| e.to_string().starts_with("incidents[1].events[0].severity")),
            "{err:?}"
        );
        let bad = agenda.update(
            a,
            c.clone(),
            incident("A", "2026-03-02T10:00:00Z", "urgent"),
        );
        assert!(bad.is_err());
        assert_eq!(agenda.len(), 1);
        assert_eq!(agenda.scheduled(a).count(), 2);
        assert_eq!(agenda.now(), t("2026-03-02T10:00:00Z"));
        // Handles keep counting after a failed bulk insert.
        let ids = agenda
            .insert_all([(c, incident("B", "2026-03-02T10:00:00Z", "high"))])
            .unwrap_or_default();
        assert_eq!(ids, [AgendaId(1)]);
    }
}
