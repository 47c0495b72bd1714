//! The words of meeting mode: the change against the plan the meeting started with, the top
//! levers' lines and the steppers' accessible names.

use crate::model::format::NumberStyle;

/// The headline's change since meeting mode started: "−380 Leads vs. before", "+12 Leads vs.
/// before", "No change vs. before".
#[must_use]
pub fn change_text(style: &NumberStyle, change: f64, lead: &str) -> String {
    let units = style.count(change.abs());
    if is_no_change(change) {
        "No change vs. before".to_owned()
    } else if change < 0.0 {
        format!("\u{2212}{units} {lead} vs. before")
    } else {
        format!("+{units} {lead} vs. before")
    }
}

/// Whether a change of the headline shows as none: less than half a unit, which rounds to 0.
#[must_use]
pub fn is_no_change(change: f64) -> bool {
    change.abs() < 0.5
}

/// One of the top levers: "Leads → MQLs +10 %: −9.1% Leads (379 fewer)".
#[must_use]
pub fn lever_line(name: &str, change: &str, fewer: &str) -> String {
    format!("{name} +10\u{a0}%: {change} ({fewer})")
}

/// A stepper's accessible name: "MQLs → SQLs, 40 %: arrow keys step it".
#[must_use]
pub fn stepper_label(name: &str, value: &str) -> String {
    format!("{name}, {value}: arrow keys step it")
}

/// A stepper button's accessible name: "Raise MQLs → SQLs", "Lower Deal size".
#[must_use]
pub fn step_label(name: &str, up: bool) -> String {
    format!("{} {name}", if up { "Raise" } else { "Lower" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_signed_with_a_true_minus() {
        let style = NumberStyle::default();
        assert_eq!(
            change_text(&style, -380.0, "Leads"),
            "\u{2212}380 Leads vs. before"
        );
        assert_eq!(
            change_text(&style, 1_200.0, "Leads"),
            "+1,200 Leads vs. before"
        );
        assert_eq!(change_text(&style, 0.0, "Leads"), "No change vs. before");
    }
}
