//! The charts' accessible descriptions: what each chart shows, with the numbers a reader
//! would take from it.

use crate::model::format::NumberStyle;
use crate::model::monthly::Sources;

/// Whose volumes a month chart shows, as its description says it.
#[must_use]
pub fn whose(sources: Sources) -> &'static str {
    match sources {
        Sources::Marketing => "marketing-sourced",
        Sources::All => "all sources",
    }
}

/// The tornado's legend for the lead-stage need: "Leads needed".
#[must_use]
pub fn needed(lead: &str) -> String {
    format!("{lead} needed")
}

/// The month chart's upper panel title: "Leads to generate".
#[must_use]
pub fn to_generate(lead: &str) -> String {
    format!("{lead} to generate")
}

/// Describes the funnel chart: its scale, then each stage's need and forecast, top first.
#[must_use]
pub fn funnel_label<'a>(
    style: &NumberStyle,
    log: bool,
    stages: impl Iterator<Item = (&'a str, f64, f64)>,
) -> String {
    let stages: Vec<String> = stages
        .map(|(name, needed, forecast)| {
            format!(
                "{name} {} needed, {} forecast",
                style.count(needed),
                style.one_decimal(forecast)
            )
        })
        .collect();
    format!(
        "Funnel chart ({} scale): what marketing must source against the forecast from \
         planned traffic, by stage. {}.",
        if log { "log" } else { "linear" },
        stages.join("; ")
    )
}

/// One month of the month chart, as its description reads it.
#[derive(Clone, Copy, Debug)]
pub struct MonthFigures<'a> {
    /// The month's name (`Jan 2027`).
    pub name: &'a str,
    /// Volume to generate at the lead stage.
    pub leads: f64,
    /// Deals closing.
    pub deals: f64,
    /// Whether the month is lead time before the period.
    pub lead_time: bool,
    /// Whether the month is past.
    pub past: bool,
}

/// Describes the month chart: whose volumes, then each month's volume to generate at the lead
/// stage and its deals closing.
#[must_use]
pub fn months_label<'a>(
    style: &NumberStyle,
    whose: &str,
    lead: &str,
    months: impl Iterator<Item = MonthFigures<'a>>,
) -> String {
    let months: Vec<String> = months
        .map(|month| {
            let note = match (month.lead_time, month.past) {
                (true, true) => " (lead time, past)",
                (true, false) => " (lead time)",
                (false, true) => " (past)",
                (false, false) => "",
            };
            format!(
                "{}{note}: {} {lead}, {} deals closing",
                month.name,
                style.count(month.leads),
                style.count(month.deals)
            )
        })
        .collect();
    format!(
        "Month-by-month chart ({whose}): {lead} to generate and deals closing each month. {}.",
        months.join("; ")
    )
}

/// Describes the sensitivity tornado: each lever, ranked, with its change in the lead-stage
/// need and in forecast revenue, as the lever table writes them.
#[must_use]
pub fn tornado_label<'a>(
    lead: &str,
    levers: impl Iterator<Item = (&'a str, String, String)>,
) -> String {
    let levers: Vec<String> = levers
        .map(|(name, lead_change, revenue_change)| {
            format!("{name}: {lead} needed {lead_change}, forecast revenue {revenue_change}")
        })
        .collect();
    format!(
        "Tornado chart: each lever improved by 10\u{a0}% alone, most helpful first. {}.",
        levers.join("; ")
    )
}

/// Describes the comparison's funnel chart: its scale, then each scenario's need at the
/// top stage and at each stage below, in order.
#[must_use]
pub fn compare_label(
    style: &NumberStyle,
    log: bool,
    stages: &[String],
    scenarios: &[String],
    needed: &[Vec<Option<f64>>],
) -> String {
    let each: Vec<String> = scenarios
        .iter()
        .zip(needed)
        .map(|(name, needs)| {
            let needs: Vec<String> = stages
                .iter()
                .zip(needs)
                .filter_map(|(stage, need)| {
                    need.map(|need| format!("{stage} {}", style.count(need)))
                })
                .collect();
            format!("{name}: {}", needs.join(", "))
        })
        .collect();
    format!(
        "Funnel chart of the comparison ({} scale): what marketing must source at each stage, \
         scenario by scenario. {}.",
        if log { "log" } else { "linear" },
        each.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_month_label_names_every_month_and_marks_lead_time() {
        let style = NumberStyle::default();
        let month = |name, leads, deals, lead_time| MonthFigures {
            name,
            leads,
            deals,
            lead_time,
            past: false,
        };
        let label = months_label(
            &style,
            "marketing-sourced",
            "Leads",
            [
                month("Dec 2026", 1_200.0, 0.0, true),
                month("Jan 2027", 900.0, 13.0, false),
            ]
            .into_iter(),
        );
        assert_eq!(
            label,
            "Month-by-month chart (marketing-sourced): Leads to generate and deals closing each \
             month. Dec 2026 (lead time): 1,200 Leads, 0 deals closing; Jan 2027: 900 Leads, 13 \
             deals closing."
        );
    }

    #[test]
    fn the_funnel_label_names_every_stage_with_its_figures() {
        let style = NumberStyle::default();
        let label = funnel_label(
            &style,
            true,
            [("Visitors", 137_600.0, 200_000.0), ("Won", 40.0, 30.5)].into_iter(),
        );
        assert_eq!(
            label,
            "Funnel chart (log scale): what marketing must source against the forecast from \
             planned traffic, by stage. Visitors 137,600 needed, 200,000 forecast; Won 40 \
             needed, 30.5 forecast."
        );
    }
}
