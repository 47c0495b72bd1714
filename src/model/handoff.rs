//! The marketing-to-sales handoff: the service-level agreement both teams sign.

use super::scenario::Scenario;
use super::stage_plan::{StagePlan, ceil_whole};

/// The figures of the handoff agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoffPlan {
    /// The stage marketing hands to sales.
    pub stage: usize,
    /// Units marketing delivers per month (marketing's need at that stage, per month).
    pub per_month: f64,
    /// Units marketing delivers per week.
    pub per_week: f64,
    /// Reps who work the handed-off units.
    pub reps: f64,
    /// Units each of those reps follows up per week, rounded up; `None` without reps.
    pub per_rep_week: Option<f64>,
    /// Hours within which sales follows up each unit.
    pub followup_hours: u32,
}

/// Computes the handoff agreement.
#[must_use]
pub fn compute(scenario: &Scenario, stages: &[StagePlan]) -> HandoffPlan {
    let handoff = &scenario.handoff;
    let stage = handoff.stage_in(&scenario.funnel);
    let per_week = stages[stage].marketing_per_week;
    let reps = handoff.fte_reps.map_or_else(
        || scenario.team.reps.headcount(),
        super::amount::Volume::units,
    );
    HandoffPlan {
        stage,
        per_month: stages[stage].marketing_per_month,
        per_week,
        reps,
        per_rep_week: (reps > 0.0).then(|| ceil_whole(per_week / reps)),
        followup_hours: handoff.followup_hours,
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "whole-unit arithmetic is exact")]
mod tests {
    use crate::model::{Period, Scenario, Volume, YearMonth, compute};

    #[test]
    fn the_agreement_is_marketings_mql_volume_per_month_week_and_rep() {
        // Default quarter: 835 MQLs → ⌈835 ÷ 3⌉ = 279 a month, ⌈835 ÷ 13⌉ = 65 a week;
        // 5 reps → ⌈65 ÷ 5⌉ = 13 each a week, followed up within 24 hours.
        let mut scenario = Scenario::starting(YearMonth::new(2027, 1).unwrap());
        let handoff = compute(&scenario).handoff;
        assert_eq!(handoff.stage, 2);
        assert_eq!(handoff.per_month, 279.0);
        assert_eq!(handoff.per_week, 65.0);
        assert_eq!(handoff.per_rep_week, Some(13.0));
        assert_eq!(handoff.followup_hours, 24);
        scenario.handoff.fte_reps = Some(Volume::from_units(2).unwrap());
        assert_eq!(compute(&scenario).handoff.per_rep_week, Some(33.0));
        scenario.handoff.fte_reps = Some(Volume::from_units(0).unwrap());
        assert_eq!(compute(&scenario).handoff.per_rep_week, None);
        // A month: 52/12 weeks, so 835 MQLs → ⌈835 × 12 ÷ 52⌉ = 193 a week.
        scenario.period = Period::Month;
        assert_eq!(compute(&scenario).handoff.per_week, 193.0);
    }
}
