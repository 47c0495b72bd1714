//! Team capacity: can the sales team carry the new-business target?

use super::scenario::Scenario;
use super::stage_plan::StagePlan;

/// The sales team's capacity against the new-business target.
#[derive(Clone, Debug, PartialEq)]
pub struct Capacity {
    /// The team in fully ramped reps: Σ count × ramp.
    pub ramped_reps: f64,
    /// Ramped reps × quota per rep × attainment.
    pub capacity: f64,
    /// New-business target − capacity: positive means the team cannot carry the plan.
    pub gap: f64,
    /// Additional ramped reps needed to close the gap, rounded up; 0 when capacity suffices;
    /// `None` when reps have no quota, so no number of reps closes it.
    pub reps_short: Option<f64>,
    /// Volume each rep must work per month at each stage (need per month ÷ every rep,
    /// ramping or not), unrounded; `None` when the team has no reps.
    pub per_rep_month: Option<Vec<f64>>,
}

/// Computes the team's capacity from the scenario and the stages' needs.
#[must_use]
pub fn compute(scenario: &Scenario, stages: &[StagePlan], new_target: f64) -> Capacity {
    let team = &scenario.team;
    let ramped = team.reps.ramped_reps();
    let reps = team.reps.headcount();
    let per_rep = team.rep_quota.to_f64() * team.attainment.fraction();
    let capacity = ramped * per_rep;
    let gap = new_target - capacity;
    let reps_short = if gap <= 0.0 {
        Some(0.0)
    } else if per_rep > 0.0 {
        Some(super::stage_plan::ceil_whole(gap / per_rep))
    } else {
        None
    };
    let months = f64::from(scenario.period.months());
    let per_rep_month = (reps > 0.0).then(|| {
        stages
            .iter()
            .map(|stage| stage.need / months / reps)
            .collect()
    });
    Capacity {
        ramped_reps: ramped,
        capacity,
        gap,
        reps_short,
        per_rep_month,
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the arithmetic under test is exact")]
mod tests {
    use crate::model::{Attainment, Money, Period, Scenario, Volume, YearMonth, compute};

    fn scenario(reps: u64, rep_quota: u64, attain: &str) -> Scenario {
        let mut scenario = Scenario::starting(YearMonth::new(2027, 1).unwrap());
        scenario.team.reps = crate::model::Reps::ramped(Volume::from_units(reps).unwrap());
        scenario.team.rep_quota = Money::from_units(rep_quota).unwrap();
        scenario.team.attainment = Attainment::parse_percent(attain).unwrap();
        scenario
    }

    #[test]
    fn capacity_is_reps_times_quota_times_attainment() {
        // 4 reps × 250,000 × 80 % = 800,000 against a 1,000,000 target: 200,000 short,
        // which is 200,000 ÷ 200,000 = 1 more ramped rep.
        let capacity = compute(&scenario(4, 250_000, "80")).capacity;
        assert_eq!(capacity.capacity, 800_000.0);
        assert_eq!(capacity.gap, 200_000.0);
        assert_eq!(capacity.reps_short, Some(1.0));
        // 201,000 short needs 2 reps, not 1.005.
        let mut tight = scenario(4, 250_000, "80");
        tight.quota = Money::from_units(1_001_000).unwrap();
        assert_eq!(compute(&tight).capacity.reps_short, Some(2.0));
    }

    #[test]
    fn enough_capacity_needs_no_reps_and_zero_quota_cannot_be_fixed_by_hiring() {
        assert_eq!(
            compute(&scenario(5, 250_000, "100")).capacity.reps_short,
            Some(0.0)
        );
        assert_eq!(compute(&scenario(5, 0, "100")).capacity.reps_short, None);
    }

    #[test]
    fn per_rep_load_is_monthly_need_over_reps() {
        // Default quarter: 334 SQLs ÷ 3 months ÷ 5 reps = 22.27 SQLs per rep per month.
        let plan = compute(&scenario(5, 250_000, "100"));
        let load = plan.capacity.per_rep_month.unwrap();
        assert!((load[3] - 334.0 / 3.0 / 5.0).abs() < 1e-12);
        let mut year = scenario(0, 250_000, "100");
        year.period = Period::Year;
        assert_eq!(compute(&year).capacity.per_rep_month, None);
    }
}
