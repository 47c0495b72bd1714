//! Plain-language sentences about a plan, as the page shows them.

use super::format;

/// Describes the forecast's gap to quota: a shortfall, a surplus, or on target.
#[must_use]
pub fn gap_sentence(gap: f64, quota: f64) -> String {
    let share = |amount: f64| {
        if quota > 0.0 {
            format!(" ({} of quota)", format::percent(amount / quota))
        } else {
            String::new()
        }
    };
    if format::money(gap) == "0" {
        "The forecast meets the quota exactly.".to_owned()
    } else if gap > 0.0 {
        format!(
            "The forecast falls short of quota by {}{}.",
            format::money(gap),
            share(gap)
        )
    } else {
        format!(
            "The forecast beats quota by {}{}.",
            format::money(-gap),
            share(-gap)
        )
    }
}

/// Compares the planned traffic with the traffic the quota needs.
#[must_use]
pub fn traffic_sentence(top_stage: &str, planned: f64, needed: f64) -> String {
    let stage = top_stage;
    let (planned_text, needed_text) = (format::one_decimal(planned), format::count(needed));
    if planned >= needed {
        format!(
            "You plan {planned_text} {stage}; the quota needs {needed_text}, so {} to spare.",
            format::one_decimal(planned - needed)
        )
    } else {
        format!(
            "You plan {planned_text} {stage}; the quota needs {needed_text}: {} more.",
            format::one_decimal(needed - planned)
        )
    }
}

/// Describes the overall conversion as "1 in N".
#[must_use]
pub fn one_in(conversion: f64, top_stage: &str, last_stage: &str) -> String {
    if conversion <= 0.0 {
        return String::new();
    }
    format!(
        "About 1 in {} {top_stage} reaches {last_stage}.",
        format::count(1.0 / conversion),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_is_worded_plainly() {
        assert_eq!(
            gap_sentence(40_000.0, 1_000_000.0),
            "The forecast falls short of quota by 40,000 (4% of quota)."
        );
        assert_eq!(
            gap_sentence(-200_000.0, 1_000_000.0),
            "The forecast beats quota by 200,000 (20% of quota)."
        );
        assert_eq!(
            gap_sentence(0.2, 1.0),
            "The forecast meets the quota exactly."
        );
        assert_eq!(gap_sentence(-5.0, 0.0), "The forecast beats quota by 5.");
    }

    #[test]
    fn traffic_is_compared_with_the_need() {
        assert_eq!(
            traffic_sentence("Visitors", 200_000.0, 208_750.0),
            "You plan 200,000 Visitors; the quota needs 208,750: 8,750 more."
        );
        assert_eq!(
            traffic_sentence("Leads", 300.0, 250.0),
            "You plan 300 Leads; the quota needs 250, so 50 to spare."
        );
    }

    #[test]
    fn overall_conversion_reads_as_one_in_n() {
        assert_eq!(
            one_in(0.000_192, "Visitors", "Won"),
            "About 1 in 5,208 Visitors reaches Won."
        );
        assert_eq!(one_in(0.0, "A", "B"), "");
    }
}
