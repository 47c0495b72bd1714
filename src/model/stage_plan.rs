//! One stage's part of the plan, and the rounding rule every sub-plan shares. Its own module,
//! so that the plan and its sub-plans (budget, capacity, months, handoff) each depend on it
//! rather than on one another.

/// Relative distance from a whole number within which an exact value counts as that whole
/// number, so that floating-point noise (`400.00000000000006`) never adds a unit.
const WHOLE_TOLERANCE: f64 = 1e-9;

/// What one stage needs and what the planned traffic brings to it.
#[derive(Clone, Debug, PartialEq)]
pub struct StagePlan {
    /// Volume needed for the new-business target, in whole units under the scenario's rounding.
    pub need: f64,
    /// Volume needed before rounding for display: equal to `need` under [`Rounding::Stage`](super::scenario::Rounding::Stage),
    /// the exact value under [`Rounding::Exact`](super::scenario::Rounding::Exact).
    pub need_exact: f64,
    /// `need` per month of the period, rounded up.
    pub need_per_month: f64,
    /// `need` per week of the period, rounded up.
    pub need_per_week: f64,
    /// The part of `need` marketing must source, in whole units under the rounding rule.
    pub marketing: f64,
    /// `marketing` per month of the period, rounded up.
    pub marketing_per_month: f64,
    /// `marketing` per week of the period, rounded up.
    pub marketing_per_week: f64,
    /// Expected volume from the planned traffic, unrounded.
    pub forecast: f64,
}

/// Rounds up to a whole unit, treating values within [`WHOLE_TOLERANCE`] of a whole number as
/// that number.
pub fn ceil_whole(value: f64) -> f64 {
    let nearest = value.round();
    if (value - nearest).abs() <= WHOLE_TOLERANCE * nearest.abs().max(1.0) {
        nearest
    } else {
        value.ceil()
    }
}
