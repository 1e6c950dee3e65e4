//! Follow-the-sun support: Cumulocity's three regions (EMEA 08:00–17:00 CET, APJ 08:00–17:00
//! MYT, US 08:00–17:00 MT) and their union, shown for one week as a table of UTC hours.
//!
//! Run: `cargo run --example follow_the_sun`

use chrono::{DateTime, Duration, TimeDelta, Utc};
use slacalc::Calendar;

fn office(zone: &str) -> Result<Calendar, Box<dyn std::error::Error>> {
    let json = format!(
        r#"{{"timezone": "{zone}", "hours": {{
            "mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
            "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}}}"#
    );
    Ok(serde_json::from_str(&json)?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let regions = [
        ('E', "EMEA", office("Europe/Berlin")?),
        ('A', "APJ", office("Asia/Kuala_Lumpur")?),
        ('U', "US", office("America/Denver")?),
    ];
    let members: Vec<Calendar> = regions.iter().map(|r| r.2.clone()).collect();
    let all = Calendar::union(&members)?;

    let monday: DateTime<Utc> = "2026-11-23T00:00:00Z".parse()?;
    println!(
        "Week of {} — who is open, by UTC hour (E = EMEA, A = APJ, U = US)",
        monday.date_naive()
    );
    print!("{:<4}", "");
    for h in 0..24 {
        print!("{h:>3}");
    }
    println!("   covered");
    for day in 0..7 {
        let start = monday + Duration::days(day);
        print!("{:<4}", start.format("%a"));
        for h in 0..24 {
            // The middle of the hour, so that a boundary on the hour does not hide a region.
            let t = start + Duration::hours(h) + Duration::minutes(30);
            let open: String = regions
                .iter()
                .filter(|r| r.2.is_open(t))
                .map(|r| r.0)
                .collect();
            print!(
                "{:>3}",
                if open.is_empty() {
                    ".".to_string()
                } else {
                    open
                }
            );
        }
        let covered = all.between(start, start + Duration::days(1))?;
        println!(
            "   {:>2}h{:02}",
            covered.num_hours(),
            covered.num_minutes() % 60
        );
    }
    let week_end = monday + Duration::days(7);
    for (_, name, cal) in &regions {
        println!(
            "{name:<5} {:>3} business hours this week",
            cal.between(monday, week_end)?.num_hours()
        );
    }
    let union = all.between(monday, week_end)?;
    println!("All   {:>3} hours of coverage (union)", union.num_hours());
    // 3 regions × 45 h minus the overlaps (EMEA/APJ 07:00–09:00 UTC, EMEA/US 15:00–16:00 UTC
    // on weekdays): the union is what customers get; pin it so the example stays honest.
    assert_eq!(
        union,
        TimeDelta::hours(45 * 3) - all_overlaps(&regions, monday, week_end)?
    );
    Ok(())
}

/// Pairwise overlaps by inclusion–exclusion (the three regions never overlap all at once).
fn all_overlaps(
    regions: &[(char, &str, Calendar); 3],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<TimeDelta, Box<dyn std::error::Error>> {
    let mut total = TimeDelta::zero();
    for i in 0..3 {
        for j in i + 1..3 {
            let both = Calendar::intersection(&[regions[i].2.clone(), regions[j].2.clone()])?;
            total += both.between(from, to)?;
        }
    }
    Ok(total)
}
