//! An agenda over many open incidents: when anything next changes, and what.
//!
//! (docs to come)

mod book;
mod item;
mod schedule;

pub use book::Agenda;
pub use item::{AgendaId, AgendaItem, Change};
