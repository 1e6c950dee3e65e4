//! A month of Comarch support: 10,000 generated incidents on the Basic, Advanced and Premium
//! plans in November 2026, evaluated as of 1 December, a compliance table against targets,
//! the CSV, and two pictures: one incident's timeline and the compliance bar chart.
//!
//! Run: `cargo run --release --example report` (add `--features rayon` to use both cores).
//! Writes `target/report-timeline.svg` and `target/report-compliance.svg`.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use slacalc::report::{attribution_date, evaluate_all, ComplianceReport, ComplianceTargets};
use slacalc::report::{compliance_chart, timeline, Marker};
use slacalc::time::Period;
use slacalc::{evaluate, Contract, Event, EventKind, Incident, MetricState};
use slacalc::{Catalog, ContractSpec, Metric};

/// xorshift64* (Vigna): small, fast and good enough to make up incidents; fixed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0; the modulo bias is irrelevant here).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent` %.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A duration of `lo..hi` permille of `d`.
    fn part_of(&mut self, d: TimeDelta, lo: u64, hi: u64) -> TimeDelta {
        let permille = lo + self.below(hi.saturating_sub(lo).max(1));
        TimeDelta::seconds(d.num_seconds() * permille as i64 / 1000)
    }
}

const PLANS: [&str; 3] = ["basic", "advanced", "premium"];

/// One made-up incident: reported at a random second around November (in Berlin), a severity,
/// a first response in time or late, sometimes waiting for the customer, a status update,
/// usually a resolution and a close.
fn generate(
    rng: &mut Rng,
    n: usize,
    contract: &Contract,
    plan: usize,
) -> Result<Incident, Box<dyn std::error::Error>> {
    // 2026-10-31T20:00Z to 2026-12-01T02:00Z: the month in Berlin plus a few hours either
    // side, so that attribution at the month's edges matters.
    let first: DateTime<Utc> = "2026-10-31T20:00:00Z".parse()?;
    let reported = first + TimeDelta::seconds(rng.below(30 * 86_400 + 6 * 3_600) as i64);
    let severity = match rng.below(100) {
        0..=4 => "1",
        5..=19 => "2",
        20..=59 => "3",
        _ => "4",
    };
    let channel = ["ticket", "phone", "chat"][rng.below(3) as usize];
    let mut events = vec![Event::new(
        reported,
        EventKind::Reported {
            severity: severity.into(),
            channel: Some(channel.into()),
            contact: None,
        },
    )];
    // The first response: against the plan's target where there is one (on its clock),
    // otherwise within a working day.
    let target = contract.plan().target(severity, Metric::Reaction);
    let (allowed, clock) = match target {
        Some(t) => match t.form {
            slacalc::contract::TargetForm::Within(d) => (d, t.calendar.as_ref()),
            _ => (TimeDelta::hours(8), "business"),
        },
        None => (TimeDelta::hours(8), "business"),
    };
    let calendar = contract.calendar(clock).ok_or("clock")?;
    let in_time = [85, 92, 97][plan];
    let delay = if rng.chance(in_time) {
        rng.part_of(allowed, 50, 1000)
    } else {
        rng.part_of(allowed, 1010, 2600)
    };
    let responded = calendar.add(reported, delay)?;
    events.push(Event::new(responded, EventKind::Responded));
    let mut t = responded;
    if rng.chance(35) {
        t += TimeDelta::minutes(10 + rng.below(120) as i64);
        events.push(Event::new(t, EventKind::AwaitingCustomer));
        t += TimeDelta::minutes(30 + rng.below(2 * 24 * 60) as i64);
        events.push(Event::new(t, EventKind::CustomerReplied));
    }
    if rng.chance(60) {
        t += TimeDelta::minutes(30 + rng.below(8 * 60) as i64);
        events.push(Event::new(t, EventKind::UpdateSent));
    }
    if rng.chance(85) {
        t += TimeDelta::minutes(20 + rng.below(5 * 24 * 60) as i64);
        events.push(Event::new(t, EventKind::Resolved));
        if rng.chance(70) {
            t += TimeDelta::hours(1 + rng.below(72) as i64);
            events.push(Event::new(t, EventKind::Closed));
        }
    }
    Ok(Incident::new(format!("CCI-{}", 10_000 + n), events)?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
        "../fixtures/contracts/comarch.json"
    ))?);
    let customers: BTreeMap<String, ContractSpec> =
        serde_json::from_str(include_str!("../fixtures/contracts/comarch-customers.json"))?;
    let contracts = PLANS
        .iter()
        .map(|p| Contract::new(catalog.clone(), customers[*p].clone()))
        .collect::<Result<Vec<_>, _>>()?;

    let mut rng = Rng(0x5EED_0000_2026_1101);
    let mut incidents = Vec::with_capacity(10_000);
    for n in 0..10_000 {
        // Premium customers call most, Basic least.
        let plan = match rng.below(10) {
            0..=2 => 0,
            3..=5 => 1,
            _ => 2,
        };
        incidents.push((plan, generate(&mut rng, n, &contracts[plan], plan)?));
    }

    let targets: ComplianceTargets = serde_json::from_str(
        r#"{ "default": { "reaction": "90" },
             "severities": { "1": { "reaction": "99" }, "2": { "reaction": "95" } } }"#,
    )?;
    let period: Period = "2026-11".parse()?;
    let now: DateTime<Utc> = "2026-12-01T08:00:00Z".parse()?;
    let pairs: Vec<_> = incidents.iter().map(|(k, i)| (&contracts[*k], i)).collect();
    let started = std::time::Instant::now();
    let report = ComplianceReport::build(&pairs, &period, &targets, now);
    let took = started.elapsed();
    println!("{report}");
    println!(
        "(10,000 incidents evaluated and aggregated in {:.1} ms, parallel: {})\n",
        took.as_secs_f64() * 1000.0,
        slacalc::report::PARALLEL
    );
    let csv = report.csv().to_string();
    println!("CSV, first lines:");
    for line in csv.lines().take(4) {
        println!("  {line}");
    }

    // Cross-checks: every incident is attributed, outside or failed; the batch evaluation
    // agrees with the report's counts.
    assert_eq!(
        report.incidents + report.outside_period + report.failures.len() as u64,
        10_000
    );
    assert!(report.failures.is_empty());
    let evaluated = evaluate_all(&pairs, now);
    let mut met = 0;
    for ((k, incident), r) in incidents.iter().zip(&evaluated) {
        let r = r.as_ref().map_err(|e| e.to_string())?;
        if period.contains(attribution_date(&contracts[*k], incident.reported_at()))
            && r.metric(Metric::Reaction).map(|m| m.state) == Some(MetricState::Met)
        {
            met += 1;
        }
    }
    assert_eq!(met, report.rows.iter().map(|r| r.met).sum::<u64>());
    for row in report.rows.iter().chain(&report.totals) {
        assert_eq!(
            row.incidents,
            row.met + row.breached + row.open + row.not_covered
        );
    }
    // Basic covers neither severity 1 nor 2.
    assert!(report
        .rows
        .iter()
        .filter(|r| r.plan == "basic" && (r.severity == "1" || r.severity == "2"))
        .all(|r| r.not_covered == r.incidents));

    // The timeline of a Basic severity-3 incident answered late across a weekend, with the
    // escalation steps a ladder would add drawn as markers.
    let (k, picked) = incidents
        .iter()
        .zip(&evaluated)
        .find_map(|((k, i), r)| {
            let r = r.as_ref().ok()?;
            let m = r.metric(Metric::Reaction)?;
            (*k == 0
                && r.severity == "3"
                && m.state == MetricState::Breached
                && i.events().len() >= 4)
                .then_some((*k, i))
        })
        .ok_or("no late Basic incident")?;
    let contract = &contracts[k];
    let now_then = picked
        .events()
        .last()
        .map_or(now, |e| e.at + TimeDelta::hours(2));
    let single = evaluate(contract, picked, now_then)?;
    let business = contract.business_calendar();
    let reported = picked.reported_at();
    let markers = [
        Marker::new(
            "escalation 1: team lead (75 % of 12h)",
            business.add(reported, TimeDelta::hours(9))?,
        ),
        Marker::new(
            "escalation 2: head of support (at the deadline)",
            business.add(reported, TimeDelta::hours(12))?,
        ),
    ];
    let timeline_svg = timeline(contract, picked, &single, &markers);
    let chart_svg = compliance_chart(
        &format!("Comarch reactions, {period}: compliance per customer and severity"),
        &report.rows,
    );
    // Deterministic: the same input gives the same bytes.
    assert_eq!(timeline_svg, timeline(contract, picked, &single, &markers));
    assert_eq!(
        chart_svg,
        compliance_chart(
            &format!("Comarch reactions, {period}: compliance per customer and severity"),
            &report.rows
        )
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("report-timeline.svg"), &timeline_svg)?;
    std::fs::write(dir.join("report-compliance.svg"), &chart_svg)?;
    println!(
        "\nIncident {} ({}):\n{single}",
        picked.id(),
        contract.customer()
    );
    println!(
        "wrote {} and {}",
        dir.join("report-timeline.svg").display(),
        dir.join("report-compliance.svg").display()
    );
    Ok(())
}
