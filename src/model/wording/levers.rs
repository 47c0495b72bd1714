//! The words of the levers: which matters most ([`sensitivity_sentence`]) and what each would
//! need for a limit on marketing's lead-stage volume ([`solve_sentence`], [`needed_text`]).

use crate::model::format::{NumberStyle, Show};
use crate::model::levers::{Effect, Lever, Solution};

/// A lever's name as a meeting says it: "MQLs → SQLs", "Deal size", "Planned traffic",
/// "Marketing share". `stage` names a stage by its position.
#[must_use]
pub fn lever_name(lever: Lever, stage: impl Fn(usize) -> String) -> String {
    match lever {
        Lever::Rate(i) => format!("{} \u{2192} {}", stage(i.saturating_sub(1)), stage(i)),
        Lever::DealSize => "Deal size".to_owned(),
        Lever::Traffic => format!("Planned traffic ({})", stage(0)),
        Lever::Share => "Marketing share of deals".to_owned(),
    }
}

/// A relative change as a signed percentage to one decimal place: "−9.1%", "+10%", "0%".
#[must_use]
pub fn change_text(style: &NumberStyle, change: Option<f64>) -> String {
    match change {
        None => "\u{2014}".to_owned(),
        Some(change) => {
            let percent = change * 100.0;
            let text = Show::PercentPoints.full(style, percent.abs());
            if percent.abs() < 0.05 {
                Show::PercentPoints.full(style, 0.0)
            } else if percent < 0.0 {
                format!("\u{2212}{text}")
            } else {
                format!("+{text}")
            }
        }
    }
}

/// How many whole units of the lead stage fewer (or more) a lever means: "313 fewer".
#[must_use]
pub fn fewer_text(style: &NumberStyle, fewer: f64) -> String {
    if fewer > 0.0 {
        format!("{} fewer", style.count(fewer))
    } else if fewer < 0.0 {
        format!("{} more", style.count(-fewer))
    } else {
        "no change".to_owned()
    }
}

/// The sentence above the ranking: what the best lever does. `best` is the first effect,
/// `name` its lever's name, `lead` the lead stage's name.
#[must_use]
pub fn sensitivity_sentence(
    style: &NumberStyle,
    best: Option<&Effect>,
    name: &str,
    lead: &str,
) -> String {
    match best.and_then(|e| e.lead_change.map(|change| (e, change))) {
        None => format!("Marketing needs no {lead} for this plan, so no lever changes them."),
        Some((best, change)) if change < 0.0 => {
            let verb = if best.lever == Lever::DealSize {
                "Raising"
            } else {
                "Improving"
            };
            format!(
                "{verb} {name} by 10\u{a0}% cuts the {lead} marketing must deliver by {} ({}).",
                change_text(style, Some(-change)).trim_start_matches('+'),
                fewer_text(style, best.leads_fewer),
            )
        }
        Some(_) => {
            format!("No single lever improved by 10\u{a0}% cuts the {lead} marketing must deliver.")
        }
    }
}

/// The compounding note: 10 % better at every step.
#[must_use]
pub fn compounding_note(
    style: &NumberStyle,
    steps: usize,
    steps_below_lead: usize,
    lead: &str,
) -> String {
    let power = |n: usize| 1.1_f64.powi(i32::try_from(n).unwrap_or(i32::MAX));
    let below = if steps_below_lead > 0 {
        format!(
            " At each of the {steps_below_lead} steps below {lead}, it divides the {lead} needed \
             by {} ({}).",
            style.two_decimals(power(steps_below_lead)),
            change_text(style, Some(1.0 / power(steps_below_lead) - 1.0)),
        )
    } else {
        String::new()
    };
    format!(
        "Small gains compound: 10\u{a0}% better at each of the {steps} steps multiplies what the \
         same traffic yields by 1.1^{steps} = {} ({}).{below}",
        style.two_decimals(power(steps)),
        change_text(style, Some(power(steps) - 1.0)),
    )
}

/// The sentence above the solved levers.
#[must_use]
pub fn solve_sentence(
    style: &NumberStyle,
    leads: f64,
    limit: Option<f64>,
    fits: bool,
    lead: &str,
) -> String {
    match limit {
        None => format!(
            "Enter the most {lead} marketing can deliver to see what each lever would need."
        ),
        Some(_) if leads <= 0.0 => {
            format!("Marketing needs no {lead} for this plan: any limit fits.")
        }
        Some(limit) if fits => format!(
            "Marketing's {} {lead} fit the limit of {}. Each lever alone could loosen to:",
            style.count(leads),
            style.one_decimal(limit),
        ),
        Some(limit) => format!(
            "Marketing needs {} {lead}, more than the {} it can deliver. Each lever alone would \
             have to be:",
            style.count(leads),
            style.one_decimal(limit),
        ),
    }
}

/// What a solved lever needs: "27.78%", "34,722.23" (in the plan's currency), "not reachable:
/// needs 139.17%", or "no value will do" for a limit of 0.
#[must_use]
pub fn needed_text(style: &NumberStyle, solution: &Solution) -> String {
    let Some(needed) = solution.needed else {
        return "no value will do".to_owned();
    };
    let shown = match solution.lever {
        Lever::DealSize => Show::MoneyCents.full(style, needed),
        _ => style.percent(needed / 100.0),
    };
    if solution.setting.is_some() {
        shown
    } else {
        format!("not reachable: needs {shown}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::levers::Setting;
    use crate::model::{Rate, Share};

    fn names(i: usize) -> String {
        ["Visitors", "Leads", "MQLs", "SQLs"][i].to_owned()
    }

    #[test]
    fn sentences_read_aloud() {
        let style = NumberStyle::default();
        let best = Effect {
            lever: Lever::Rate(3),
            lead_change: Some(1.0 / 1.1 - 1.0),
            leads_fewer: 313.0,
            revenue_change: Some(0.1),
            capped: false,
        };
        let name = lever_name(best.lever, names);
        assert_eq!(name, "MQLs \u{2192} SQLs");
        assert_eq!(
            sensitivity_sentence(&style, Some(&best), &name, "Leads"),
            "Improving MQLs \u{2192} SQLs by 10\u{a0}% cuts the Leads marketing must deliver by 9.1% (313 fewer)."
        );
        assert_eq!(change_text(&style, Some(0.1)), "+10%");
        assert_eq!(change_text(&style, Some(0.0)), "0%");
        assert_eq!(change_text(&style, None), "\u{2014}");
        assert_eq!(
            compounding_note(&style, 5, 4, "Leads"),
            "Small gains compound: 10\u{a0}% better at each of the 5 steps multiplies what the same \
             traffic yields by 1.1^5 = 1.61 (+61.1%). At each of the 4 steps below Leads, it \
             divides the Leads needed by 1.46 (\u{2212}31.7%)."
        );
    }

    #[test]
    fn needed_values_say_when_they_cannot_be_reached() {
        let style = NumberStyle::default();
        let reachable = Solution {
            lever: Lever::Rate(2),
            needed: Some(27.777_777_7),
            setting: Some(Setting::Rate(2, Rate::from_ppm(277_778).unwrap())),
        };
        assert_eq!(needed_text(&style, &reachable), "27.78%");
        let out_of_reach = Solution {
            setting: None,
            needed: Some(139.166),
            ..reachable
        };
        assert_eq!(
            needed_text(&style, &out_of_reach),
            "not reachable: needs 139.17%"
        );
        let share = Solution {
            lever: Lever::Share,
            needed: Some(72.0),
            setting: Some(Setting::Share(Share::from_ppm(720_000).unwrap())),
        };
        assert_eq!(needed_text(&style, &share), "72%");
        assert_eq!(
            needed_text(
                &style,
                &Solution {
                    needed: None,
                    setting: None,
                    ..share
                }
            ),
            "no value will do"
        );
    }
}
