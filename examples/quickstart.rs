//! A support desk in Berlin (Mon–Fri 08:00–17:00, German public holidays). A ticket is opened
//! at 16:30 on Thursday 2026-04-02, the last working day before the Easter weekend (Good
//! Friday 04-03 and Easter Monday 04-06 are holidays). The contract promises a reaction within
//! 4 business hours.
//!
//! Run: `cargo run --example quickstart`

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Europe::Berlin;
use slacalc::Calendar;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let desk: Calendar = serde_json::from_str(
        r#"{
            "timezone": "Europe/Berlin",
            "hours": {
                "mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
                "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]
            },
            "holidays": ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                         "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"]
        }"#,
    )?;

    let opened: DateTime<Utc> = "2026-04-02T14:30:00Z".parse()?; // 16:30 in Berlin (CEST)
    let target = TimeDelta::hours(4);
    let due = desk.add(opened, target)?;

    println!(
        "Ticket opened   {} ({})",
        opened.with_timezone(&Berlin),
        opened
    );
    println!("Reaction target {} business hours", target.num_hours());
    println!("Reaction due    {} ({})", due.with_timezone(&Berlin), due);

    // Half an hour on Thursday, then nothing until Tuesday 08:00: due Tuesday 11:30.
    assert_eq!(due, "2026-04-07T09:30:00Z".parse::<DateTime<Utc>>()?);

    let now: DateTime<Utc> = "2026-04-07T07:00:00Z".parse()?; // Tuesday 09:00 in Berlin
    let elapsed = desk.between(opened, now)?;
    let remaining = target - elapsed;
    println!(
        "As of {}: {} min elapsed, {} min remaining, desk open: {}",
        now.with_timezone(&Berlin),
        elapsed.num_minutes(),
        remaining.num_minutes(),
        desk.is_open(now)
    );
    assert_eq!(elapsed, TimeDelta::minutes(90));

    // When does the desk next close, and reopen?
    if let (Some(close), Some(open)) = (desk.next_close(now)?, desk.next_open(due)?) {
        println!(
            "Desk closes {} and is open at the deadline from {}",
            close.with_timezone(&Berlin),
            open.with_timezone(&Berlin)
        );
    }
    Ok(())
}
