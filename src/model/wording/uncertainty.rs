//! The words of "How sure are we": the Monte Carlo figures in sentences ([`summary_sentence`],
//! [`revenue_sentence`], [`hit_text`]), how they are found ([`method_note`]), the histogram's
//! words, and the notices about ranges a link or saved plan could not use.

use crate::model::format::NumberStyle;
use crate::model::scenario::Rounding;
use crate::model::uncertainty::{Figures, Side};

/// The chance the planned traffic reaches the target, as a whole percentage ("64 %"). Only
/// every draw is "100 %" and only none is "0 %": anything between shows 1 to 99.
#[must_use]
pub fn hit_text(style: &NumberStyle, figures: &Figures) -> String {
    let whole = if figures.hits == 0 {
        0.0
    } else if figures.hits >= figures.draws {
        100.0
    } else {
        figures.hit_percent.round().clamp(1.0, 99.0)
    };
    style.percent_text(&style_plain(whole))
}

/// A whole number as plain text (`64`).
fn style_plain(whole: f64) -> String {
    crate::model::format::plain(whole.round())
}

/// The headline sentence: "P10–P90: 2,810–4,120 Leads; planned traffic reaches the target in
/// 64 % of 10,000 draws." (the percent sign as the reader's language writes it). `lead` names the lead stage.
#[must_use]
pub fn summary_sentence(style: &NumberStyle, figures: &Figures, lead: &str) -> String {
    let need = figures.need;
    let range = if need.p90 <= need.p10 {
        format!(
            "{} {lead} in every draw from P10 to P90",
            style.count(need.p10)
        )
    } else {
        format!(
            "P10\u{2013}P90: {}\u{2013}{} {lead}",
            style.count(need.p10),
            style.count(need.p90)
        )
    };
    format!(
        "{range}; planned traffic reaches the target in {} of {} draws.",
        hit_text(style, figures),
        style.count(f64::from(figures.draws))
    )
}

/// The median sentence: "Median 3,400 Leads: half the draws need more, half fewer."
#[must_use]
pub fn median_sentence(style: &NumberStyle, figures: &Figures, lead: &str) -> String {
    format!(
        "Median {} {lead}: half the draws need more, half need as many or fewer.",
        style.count(figures.need.p50)
    )
}

/// The forecast revenue's spread: "Forecast revenue from planned traffic, P10–P90:
/// $800,000–$1,200,000 (median $1,000,000)."
#[must_use]
pub fn revenue_sentence(style: &NumberStyle, figures: &Figures) -> String {
    let revenue = figures.revenue;
    format!(
        "Forecast revenue from planned traffic, P10\u{2013}P90: {}\u{2013}{} (median {}).",
        style.money(revenue.p10),
        style.money(revenue.p90),
        style.money(revenue.p50)
    )
}

/// How the figures are found, under the plan's rounding rule.
#[must_use]
pub fn method_note(rounding: Rounding) -> String {
    let rule = match rounding {
        Rounding::Stage => "in whole units at every stage",
        Rounding::Exact => "exactly, rounded up for display",
    };
    format!(
        "Each draw picks every rate that has a range, and the deal size, from a beta-PERT \
         distribution on its low, value and high (the value is the most likely), then works out \
         the plan {rule}. A draw reaches the target when planned traffic and the deals sales \
         sources bring at least the new-business target. P10 is the value 10\u{a0}% of draws \
         are at or below. The draws are seeded, so the same plan always gives the same figures."
    )
}

/// Said when no rate and not the deal size has a range: every draw is the plan itself.
pub const NO_RANGES: &str = "Give a low and a high beside any conversion rate, or for the deal \
    size, to see how sure the plan is. Without ranges every draw is the plan itself.";

/// Said while the draws run: "Running 4,000 of 10,000 draws…"
#[must_use]
pub fn progress_sentence(style: &NumberStyle, done: u32, draws: u32) -> String {
    format!(
        "Running {} of {} draws\u{2026}",
        style.count(f64::from(done)),
        style.count(f64::from(draws))
    )
}

/// The histogram's caption: what its bars count.
#[must_use]
pub fn histogram_caption(lead: &str) -> String {
    format!("Draws by the {lead} marketing must deliver")
}

/// The one-line summary of the "How sure are we" inputs: "2 ranges · 10,000 draws".
#[must_use]
pub fn inputs_summary(style: &NumberStyle, scenario: &crate::model::Scenario) -> String {
    let rates = (1..scenario.funnel.stage_count())
        .filter(|&i| scenario.funnel.bounds_into(i).is_set())
        .count();
    let deal = usize::from(scenario.uncertainty.deal.is_set());
    let draws = style.count(f64::from(scenario.uncertainty.draw_count().get()));
    match rates + deal {
        0 => format!("no ranges \u{b7} {draws} draws"),
        1 => format!("1 range \u{b7} {draws} draws"),
        ranges => format!("{ranges} ranges \u{b7} {draws} draws"),
    }
}

/// The title of the need's P10–P90 card: "Leads marketing must deliver, P10–P90".
#[must_use]
pub fn need_title(lead: &str) -> String {
    format!("{lead} marketing must deliver, P10\u{2013}P90")
}

/// Describes the histogram: what it counts, its percentiles and the plan's own need.
#[must_use]
pub fn histogram_label(
    style: &NumberStyle,
    percentiles: [f64; 3],
    plan: f64,
    lead: &str,
) -> String {
    let [p10, p50, p90] = percentiles;
    format!(
        "Histogram of the draws by the {lead} marketing must deliver: P10 {}, P50 {}, P90 {}; \
         the plan without ranges needs {}.",
        style.count(p10),
        style.count(p50),
        style.count(p90),
        style.count(plan)
    )
}

/// A histogram bar's accessible words: "3,400 to 3,460 Leads: 812 draws".
#[must_use]
pub fn histogram_bar(style: &NumberStyle, from: f64, to: f64, count: u32, lead: &str) -> String {
    let draws = if count == 1 { "draw" } else { "draws" };
    format!(
        "{} to {} {lead}: {} {draws}",
        style.count(from),
        style.count(to),
        style.count(f64::from(count))
    )
}

/// The notice for a stage's low or high that a link or saved plan (`source`) could not use;
/// the stage and its rate are kept.
#[must_use]
pub fn bound_problem(
    source: &str,
    index: usize,
    name: &str,
    side: Side,
    text: &str,
    error: &str,
) -> String {
    let side = side.as_str();
    format!(
        "The {source}'s stage {} \u{201c}{name}\u{201d} has a {side} \u{201c}{text}\u{201d} \
         that is not usable: {error} Using no {side}; the stage and its rate are kept.",
        index + 1
    )
}

/// The notice for a stage whose rate carries more than a low and a high.
#[must_use]
pub fn bounds_extra_problem(source: &str, index: usize, name: &str) -> String {
    format!(
        "The {source}'s stage {} \u{201c}{name}\u{201d} has more than rate:low:high; the rest \
         is ignored.",
        index + 1
    )
}

/// The message beside a low or high that is not usable: what is wrong, and what the
/// simulation uses meanwhile (`using`: "15 %", "no low").
#[must_use]
pub fn bound_message(error: &str, using: &str) -> String {
    format!("{error} How sure are we uses {using} until it is fixed.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::uncertainty::{Histogram, Percentiles};

    fn figures(hits: u32) -> Figures {
        Figures {
            draws: 10_000,
            lead_stage: 1,
            need: Percentiles {
                p10: 2810.0,
                p50: 3400.0,
                p90: 4120.0,
            },
            revenue: Percentiles {
                p10: 800_000.0,
                p50: 1_000_000.0,
                p90: 1_200_000.0,
            },
            hits,
            hit_percent: f64::from(hits) / 100.0,
            histogram: Histogram {
                edges: vec![],
                counts: vec![],
            },
        }
    }

    #[test]
    fn sentences_read_as_the_issue_asks() {
        let style = NumberStyle::default();
        let cases = [
            (
                summary_sentence(&style, &figures(6_400), "Leads"),
                "P10\u{2013}P90: 2,810\u{2013}4,120 Leads; planned traffic reaches the target in \
                 64% of 10,000 draws.",
            ),
            (
                revenue_sentence(&style, &figures(0)),
                "Forecast revenue from planned traffic, P10\u{2013}P90: \
                 800,000\u{2013}1,200,000 (median 1,000,000).",
            ),
            (hit_text(&style, &figures(9_999)), "99%"),
            (hit_text(&style, &figures(1)), "1%"),
            (hit_text(&style, &figures(10_000)), "100%"),
            (
                histogram_bar(&style, 3400.0, 3460.0, 1, "Leads"),
                "3,400 to 3,460 Leads: 1 draw",
            ),
        ];
        for (said, expected) in cases {
            assert_eq!(said.replace('\u{a0}', " "), expected);
        }
    }
}
