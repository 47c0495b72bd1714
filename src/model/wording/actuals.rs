//! The words of plan against actual: the section's sentences, its columns, and what is said
//! about recorded figures that cannot be read or shown.

use crate::model::format::NumberStyle;

/// The revenue column's name (stored figures' problems name it as they name a stage).
pub const REVENUE: &str = "Revenue";

/// A link's actuals entry that does not start with a month.
pub const LINK_MONTH: &str = "Each month's actuals start with the month, as 2027-01.";

/// A link's actuals figure that is not `name:value`.
pub const LINK_ENTRY: &str = "Each figure is a stage's name and its value, as Leads:900.";

/// A stored month key that is not a month.
#[must_use]
pub fn bad_stored_month(scenario: &str, key: &str) -> String {
    format!(
        "{scenario}: actuals under \u{201c}{key}\u{201d} are not for a month (YYYY-MM), so they \
         are left out."
    )
}

/// A stored figure that cannot be read.
#[must_use]
pub fn bad_stored_figure(
    scenario: &str,
    month: &str,
    stage: &str,
    text: &str,
    error: &str,
) -> String {
    format!(
        "{scenario}: the actual {stage} of {month} \u{201c}{text}\u{201d} is not usable: {error} \
         It is left out."
    )
}

/// A figure typed into the grid that is not a count or an amount; nothing is recorded.
#[must_use]
pub fn bad_figure(error: &str) -> String {
    format!("{error} Nothing is recorded in this cell until it is a number.")
}

/// Recorded figures the plan no longer shows (a stage renamed or removed, a period moved).
#[must_use]
pub fn unplaced(count: usize) -> Option<String> {
    (count > 0).then(|| {
        let (figures, are) = if count == 1 {
            ("figure is", "it is")
        } else {
            ("figures are", "they are")
        };
        format!(
            "{count} recorded {figures} for a stage or month this plan no longer has: {are} \
             kept with the scenario (and in its JSON export), and shown again if the stage or \
             month comes back."
        )
    })
}

/// Pace in words: "142 ahead (+12.5%)", "30 behind (−15%)", "on plan".
#[must_use]
pub fn pace(style: &NumberStyle, ahead: f64, percent: Option<f64>, money: bool) -> String {
    let amount = if money {
        style.money(ahead.abs())
    } else {
        style.count(ahead.abs())
    };
    let percent = percent
        .map(|p| {
            format!(
                " ({}{}%)",
                if p < 0.0 { "\u{2212}" } else { "+" },
                style.one_decimal(p.abs())
            )
        })
        .unwrap_or_default();
    if ahead.abs() < 0.5 && !money || money && ahead.abs() < 0.005 {
        "on plan".to_owned()
    } else if ahead > 0.0 {
        format!("{amount} ahead{percent}")
    } else {
        format!("{amount} behind{percent}")
    }
}

/// The sentence under the re-forecast: what the months left need at the lead stage.
#[must_use]
pub fn reforecast_sentence(
    style: &NumberStyle,
    lead: &str,
    remaining: f64,
    months: usize,
) -> String {
    if months == 0 {
        format!(
            "Every month of the plan has actuals: {} {lead} of the plan's need were not delivered.",
            style.count(remaining)
        )
    } else {
        let per = remaining / f64::from(u32::try_from(months).unwrap_or(u32::MAX).max(1));
        if months == 1 {
            format!(
                "Given the actuals so far, the month left needs {} {lead} for the plan to hold.",
                style.count(remaining)
            )
        } else {
            format!(
                "Given the actuals so far, the {months} months left need {} {lead} in all (about \
                 {} a month) for the plan to hold.",
                style.count(remaining),
                style.count(per)
            )
        }
    }
}
