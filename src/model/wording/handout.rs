//! The words of the printed handout: its dateline and the assumptions written out.

use crate::model::format::NumberStyle;
use crate::model::scenario::Scenario;

/// The handout's dateline: "Printed 2026-11-23 · amounts in USD".
#[must_use]
pub fn dateline(date: &str, currency: &str) -> String {
    format!("Printed {date} \u{b7} amounts in {currency}")
}

/// The plan's assumptions as label and value pairs, every one written out, whether or not its
/// input section is open.
#[must_use]
pub fn assumptions(style: &NumberStyle, scenario: &Scenario) -> Vec<(&'static str, String)> {
    let funnel = &scenario.funnel;
    let name = |i: usize| funnel.name(i).map(ToString::to_string).unwrap_or_default();
    let rates: Vec<String> = (1..funnel.stage_count())
        .filter_map(|i| {
            funnel
                .rate_into(i)
                .map(|rate| format!("{} {}", name(i), style.percent_text(&rate.percent_plain())))
        })
        .collect();
    let lead = scenario.costs.lead_stage_in(funnel);
    vec![
        ("Quota", style.amount(scenario.quota)),
        ("Existing revenue", style.amount(scenario.existing_amount())),
        ("Deal size", style.amount(scenario.deal_size)),
        (
            "Period",
            format!(
                "{} from {}",
                scenario.period.label(),
                scenario.timing.start.label()
            ),
        ),
        (
            "Planned traffic",
            format!(
                "{} {}",
                style.one_decimal(scenario.traffic.units()),
                name(0)
            ),
        ),
        ("Rates", rates.join(", ")),
        (
            "Marketing share",
            style.percent(scenario.marketing_share.fraction()),
        ),
        ("Lead stage", name(lead)),
        ("Rounding", scenario.rounding.label().to_owned()),
        (
            "Sales cycle",
            format!("{} days", scenario.timing.cycle_days),
        ),
    ]
}
