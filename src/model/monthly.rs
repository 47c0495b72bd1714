//! The month-by-month plan: when deals close and when each stage's volume must be generated
//! so those deals close in time.
//!
//! Rules (stated in the README):
//! - Closed deals spread over the period's months by the seasonality weights of their calendar
//!   months (evenly without weights, or when the period's months all weigh 0).
//! - The sales cycle runs from the lead stage to Won. It is split evenly over the steps between
//!   them, unless days per step are given. A stage's lag is the days from it to Won ÷ 30.44,
//!   rounded to the nearest month; stages above the lead stage share its lag.
//! - Each stage's period need is spread with the same weights, shifted back by its lag, as
//!   whole units (largest remainder, ties to the earlier month), so each stage's months add up
//!   to its need exactly. This is done twice: for marketing's volumes (the headline's) and for
//!   all sources.

use super::assumptions::StepCountError;
use super::period::YearMonth;
use super::scenario::Scenario;
use super::stage_plan::StagePlan;

/// Average days in a month.
pub const DAYS_PER_MONTH: f64 = 30.44;

/// Whose volumes the month table shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sources {
    /// Marketing-sourced volumes: the lead-stage column adds up to the headline.
    #[default]
    Marketing,
    /// Marketing- and sales-sourced volumes together: each column adds up to the stage's need.
    All,
}

impl Sources {
    /// Both choices, in the order a menu lists them.
    pub const ALL: [Self; 2] = [Self::Marketing, Self::All];

    /// Returns the value the menu uses: `marketing` or `all`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Marketing => "marketing",
            Self::All => "all",
        }
    }

    /// Reads a menu value, or `None` for any other text.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|sources| sources.as_str() == name)
    }

    /// Returns a label for the menu.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Marketing => "Marketing-sourced",
            Self::All => "All sources",
        }
    }
}

/// The month-by-month plan.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthPlan {
    /// Calendar months covered, earliest first: the lead-time months, then the period.
    pub months: Vec<YearMonth>,
    /// Volume of each stage to generate in each month, all sources: `volumes[month][stage]`.
    /// The last stage's column is the deals closing.
    pub volumes: Vec<Vec<f64>>,
    /// The same for marketing-sourced volumes alone.
    pub marketing: Vec<Vec<f64>>,
    /// Lag of each stage behind Won, in months.
    pub lags: Vec<u32>,
    /// The stage the cycle starts from (the lead stage).
    pub lead_stage: usize,
    /// First and last month in which lead-stage volume must be generated.
    pub lead_window: (YearMonth, YearMonth),
    /// Seasonality weights were given but all of the period's months weigh 0, so deals were
    /// spread evenly.
    pub season_ignored: bool,
    /// Days per step were given, but not one per step from the lead stage to Won, so the cycle
    /// was split evenly.
    pub stage_days_mismatch: Option<StepCountError>,
}

/// Computes the month-by-month plan.
#[must_use]
pub fn compute(scenario: &Scenario, stages: &[StagePlan]) -> MonthPlan {
    let timing = &scenario.timing;
    let start = timing.start;
    let period_months = scenario.period.months();
    let lead_stage = scenario.costs.lead_stage_in(&scenario.funnel);

    // Weights of the period's months.
    let mut weights: Vec<u64> = (0..period_months)
        .map(|m| {
            let month = calendar_month(start, m);
            timing
                .season
                .as_ref()
                .map_or(1, |s| u64::from(s.weight(month)))
        })
        .collect();
    let season_ignored = weights.iter().all(|&w| w == 0);
    if season_ignored {
        weights.fill(1);
    }
    let season_ignored = season_ignored && timing.season.is_some();

    // Days of each step from the lead stage to Won, then each stage's lag in months.
    let (step_days, stage_days_mismatch) = step_days(scenario);
    let lags: Vec<u32> = (0..stages.len())
        .map(|stage| {
            let from = stage.max(lead_stage).saturating_sub(lead_stage);
            let days: f64 = step_days[from..].iter().sum();
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "at most ten years of days, in months"
            )]
            let months = (days / DAYS_PER_MONTH).round() as u32;
            months
        })
        .collect();
    let max_lag = lags.iter().copied().max().unwrap_or(0);

    let columns = usize::try_from(period_months.saturating_add(max_lag)).unwrap_or(0);
    let back = i32::try_from(max_lag).unwrap_or(0);
    // Starts lie in 2000..=2199 and lags are at most ten years, so every month exists; were one
    // missing, the table would end early rather than show a wrong month.
    let months: Vec<YearMonth> = (0..columns)
        .map_while(|k| {
            i32::try_from(k)
                .ok()
                .and_then(|k| start.add_months(k.checked_sub(back)?))
        })
        .collect();
    // Each stage's months, shifted back by its lag, for all sources and for marketing.
    let spread = |need: fn(&StagePlan) -> f64| {
        let mut table = vec![vec![0.0; stages.len()]; columns];
        for (stage, plan) in stages.iter().enumerate() {
            let offset = usize::try_from(max_lag.saturating_sub(lags[stage])).unwrap_or(0);
            for (m, units) in distribute(need(plan), &weights).into_iter().enumerate() {
                if let Some(cell) = table
                    .get_mut(m.saturating_add(offset))
                    .and_then(|row| row.get_mut(stage))
                {
                    *cell = units;
                }
            }
        }
        table
    };
    let volumes = spread(|plan| plan.need);
    let marketing = spread(|plan| plan.marketing);
    let lead_months: Vec<YearMonth> = months
        .iter()
        .zip(&volumes)
        .filter(|(_, row)| row[lead_stage] > 0.0)
        .map(|(month, _)| *month)
        .collect();
    let lead_offset = usize::try_from(max_lag.saturating_sub(lags[lead_stage])).unwrap_or(0);
    let period_end = lead_offset.saturating_add(usize::try_from(period_months).unwrap_or(1)) - 1;
    let lead_window = match (lead_months.first(), lead_months.last()) {
        (Some(&from), Some(&to)) => (from, to),
        _ => (
            months.get(lead_offset).copied().unwrap_or(start),
            months.get(period_end).copied().unwrap_or(start),
        ),
    };
    MonthPlan {
        months,
        volumes,
        marketing,
        lags,
        lead_stage,
        lead_window,
        season_ignored,
        stage_days_mismatch,
    }
}

/// Returns how many steps lie between the lead stage and Won.
#[must_use]
pub fn steps_to_won(scenario: &Scenario) -> usize {
    let last = scenario.funnel.stage_count() - 1;
    last.saturating_sub(scenario.costs.lead_stage_in(&scenario.funnel))
}

/// Returns the days of each step from the lead stage to Won: the days per step when there is
/// one per step, else the cycle split evenly (with the mismatch, when days were given).
#[must_use]
pub fn step_days(scenario: &Scenario) -> (Vec<f64>, Option<StepCountError>) {
    let timing = &scenario.timing;
    let steps = steps_to_won(scenario);
    let even = || {
        let share =
            f64::from(timing.cycle_days) / f64::from(u32::try_from(steps.max(1)).unwrap_or(1));
        vec![share; steps]
    };
    match timing.step_days(steps) {
        Ok(Some(days)) => (days.iter().map(|&d| f64::from(d)).collect(), None),
        Ok(None) => (even(), None),
        Err(mismatch) => (even(), Some(mismatch)),
    }
}

/// Returns the days from stage `stage` to Won; stages above the lead stage share its days.
#[must_use]
pub fn days_to_won(scenario: &Scenario, stage: usize) -> f64 {
    let lead_stage = scenario.costs.lead_stage_in(&scenario.funnel);
    let (days, _) = step_days(scenario);
    let from = stage.max(lead_stage).saturating_sub(lead_stage);
    days.get(from..).map_or(0.0, |rest| rest.iter().sum())
}

impl MonthPlan {
    /// Returns the volumes of `sources`: `[month][stage]`.
    #[must_use]
    pub fn volumes_of(&self, sources: Sources) -> &[Vec<f64>] {
        match sources {
            Sources::Marketing => &self.marketing,
            Sources::All => &self.volumes,
        }
    }

    /// Returns the deals from `sources` closing in each month: the last stage's column.
    #[must_use]
    pub fn deals(&self, sources: Sources) -> Vec<f64> {
        self.volumes_of(sources)
            .iter()
            .map(|row| row.last().copied().unwrap_or(0.0))
            .collect()
    }

    /// Returns the first and last months before `today` in which lead-stage volume had to be
    /// generated, or `None` when no lead-stage volume falls before the current month.
    #[must_use]
    pub fn overdue_lead_months(&self, today: YearMonth) -> Option<(YearMonth, YearMonth)> {
        let mut due = self
            .months
            .iter()
            .zip(&self.volumes)
            .filter(|(month, row)| {
                **month < today && row.get(self.lead_stage).is_some_and(|&units| units > 0.0)
            })
            .map(|(month, _)| *month);
        let first = due.next()?;
        Some((first, due.next_back().unwrap_or(first)))
    }

    /// Whether month `k` of the table lies before `today`.
    #[must_use]
    pub fn is_past(&self, k: usize, today: YearMonth) -> bool {
        self.months.get(k).is_some_and(|&month| month < today)
    }
}

/// Returns the calendar month (1 = January) `offset` months after `start`.
fn calendar_month(start: YearMonth, offset: u32) -> u32 {
    (start.month() - 1 + offset % 12) % 12 + 1
}

/// Splits a whole `total` over `weights` in whole units that add up to `total` exactly:
/// each gets the floor of its share, and the units left go to the largest remainders (ties to
/// the earlier entry). Totals beyond 2^53 are split proportionally instead.
#[must_use]
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "whole totals below 2^53 convert exactly"
)]
pub fn distribute(total: f64, weights: &[u64]) -> Vec<f64> {
    let sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    if sum == 0 {
        return vec![0.0; weights.len()];
    }
    if !(0.0..9.0e15).contains(&total) {
        return weights
            .iter()
            .map(|&w| total * w as f64 / sum as f64)
            .collect();
    }
    let total = total as u128;
    // total < 2^53 and each weight < 2^64, so every product fits in a u128; the checks keep
    // it so should those bounds ever change.
    let products: Option<Vec<u128>> = weights
        .iter()
        .map(|&w| total.checked_mul(u128::from(w)))
        .collect();
    let Some(products) = products else {
        return weights
            .iter()
            .map(|&w| total as f64 * w as f64 / sum as f64)
            .collect();
    };
    let mut shares: Vec<u128> = products.iter().map(|&p| p / sum).collect();
    // Each remainder once: a 128-bit division per comparison made the sort the plan's
    // costliest step.
    let remainders: Vec<u128> = products
        .iter()
        .zip(&shares)
        .map(|(&p, &share)| p - share * sum)
        .collect();
    let mut left = total.saturating_sub(shares.iter().sum::<u128>());
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Largest remainder first; the sort is stable, so ties keep the earlier month first.
    order.sort_by_key(|&i| std::cmp::Reverse(remainders[i]));
    for i in order {
        if left == 0 {
            break;
        }
        if weights[i] > 0 {
            shares[i] = shares[i].saturating_add(1);
            left -= 1;
        }
    }
    shares.into_iter().map(|units| units as f64).collect()
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "whole-unit arithmetic is exact")]
mod tests {
    use super::*;
    use crate::model::{Period, Season, compute as plan};

    fn scenario(start: &str) -> Scenario {
        let mut scenario = Scenario::starting(YearMonth::parse(start).unwrap());
        scenario.timing.start = YearMonth::parse(start).unwrap();
        scenario
    }

    fn scenario_at(start: &str) -> Scenario {
        scenario(start)
    }

    fn labels(months: &[YearMonth]) -> Vec<String> {
        months.iter().map(ToString::to_string).collect()
    }

    fn column_sums(plan: &MonthPlan, stage: usize) -> f64 {
        plan.volumes.iter().map(|row| row[stage]).sum()
    }

    #[test]
    fn distribute_gives_whole_units_that_add_up() {
        assert_eq!(distribute(40.0, &[1, 1, 1]), [14.0, 13.0, 13.0]);
        assert_eq!(distribute(10.0, &[1, 0, 3]), [3.0, 0.0, 7.0]);
        assert_eq!(distribute(0.0, &[1, 1]), [0.0, 0.0]);
        assert_eq!(distribute(5.0, &[0, 0]), [0.0, 0.0]);
        assert_eq!(distribute(2.0, &[1, 1, 1]), [1.0, 1.0, 0.0]);
    }

    #[test]
    fn no_cycle_puts_everything_in_the_period() {
        let result = plan(&scenario("2027-01"));
        let months = &result.months;
        assert_eq!(labels(&months.months), ["2027-01", "2027-02", "2027-03"]);
        assert_eq!(months.deals(Sources::All), [14.0, 13.0, 13.0]);
        for stage in 0..6 {
            assert_eq!(column_sums(months, stage), result.stages[stage].need);
        }
        assert_eq!(months.lead_window.0.to_string(), "2027-01");
    }

    #[test]
    fn a_cycle_moves_leads_earlier_across_a_year_end() {
        // 90 days from Leads to Won: 4 steps of 22.5 days. Leads lag 90 ÷ 30.44 = 2.96 → 3
        // months, MQLs 67.5 days → 2, SQLs 45 → 1, Opportunities 22.5 → 1, Won 0.
        let mut scenario = scenario("2027-01");
        scenario.timing.cycle_days = 90;
        let result = plan(&scenario);
        let months = &result.months;
        assert_eq!(months.lags, [3, 3, 2, 1, 1, 0]);
        assert_eq!(
            labels(&months.months),
            [
                "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"
            ]
        );
        assert_eq!(
            months.deals(Sources::All),
            [0.0, 0.0, 0.0, 14.0, 13.0, 13.0]
        );
        assert_eq!(months.volumes[0][1], distribute(4_175.0, &[1, 1, 1])[0]);
        assert_eq!(months.volumes[3][1], 0.0);
        for stage in 0..6 {
            assert_eq!(
                column_sums(months, stage),
                result.stages[stage].need,
                "stage {stage}"
            );
        }
        assert_eq!(
            (
                months.lead_window.0.to_string(),
                months.lead_window.1.to_string()
            ),
            ("2026-10".into(), "2026-12".into())
        );
    }

    #[test]
    fn cycles_longer_than_a_year_and_days_per_step() {
        let mut scenario = scenario("2027-01");
        scenario.timing.cycle_days = 400;
        let months = plan(&scenario).months;
        assert_eq!(months.lags[1], 13);
        assert_eq!(months.months.len(), 16);
        assert_eq!(months.months[0].to_string(), "2025-12");
        scenario.timing.stage_days = Some(vec![0, 0, 0, 61]);
        let months = plan(&scenario).months;
        assert_eq!(months.lags, [2, 2, 2, 2, 2, 0]);
        assert_eq!(months.stage_days_mismatch, None);
        scenario.timing.stage_days = Some(vec![10, 10]);
        let months = plan(&scenario).months;
        assert_eq!(
            months.stage_days_mismatch,
            Some(StepCountError { given: 2, steps: 4 })
        );
        // The cycle is split evenly instead: 400 ÷ 4 = 100 days a step, Leads lag 13.
        assert_eq!(months.lags[1], 13);
    }

    #[test]
    fn days_per_step_no_longer_used_once_the_stages_change() {
        // 10,20,30,40 fit the default funnel's 4 steps from Leads to Won: Leads are 100 days
        // from Won (3.29 → 3 months), MQLs 90 (2.96 → 3), SQLs 70 (2.30 → 2), Opps 40 (1.31 → 1).
        let mut scenario = scenario("2027-01");
        scenario.timing.stage_days = Some(vec![10, 20, 30, 40]);
        assert_eq!(plan(&scenario).months.lags, [3, 3, 3, 2, 1, 0]);
        assert_eq!(days_to_won(&scenario, 4), 40.0);
        assert_eq!(days_to_won(&scenario, 0), 100.0);
        // Paying for MQLs instead leaves 3 steps: the four days no longer fit and the
        // 0-day cycle is used, split evenly, and the plan says why.
        scenario.costs.lead_stage = Some(2);
        let months = plan(&scenario).months;
        assert_eq!(
            months.stage_days_mismatch,
            Some(StepCountError { given: 4, steps: 3 })
        );
        assert_eq!(months.lags, [0; 6]);
        assert_eq!(days_to_won(&scenario, 4), 0.0);
    }

    #[test]
    fn months_are_labelled_right_at_both_ends_of_the_plan_years() {
        // 365 days over 4 steps: Leads lag 365 ÷ 30.44 = 11.99 → 12 months, so the table starts
        // 12 months before 2000-01 and the quarter sits in its own months, not in 1999 or 2001.
        let mut scenario = scenario("2000-01");
        scenario.timing.cycle_days = 365;
        let months = plan(&scenario).months;
        let shown = labels(&months.months);
        assert_eq!(shown.len(), 15);
        assert_eq!(shown[0], "1999-01");
        assert_eq!(shown[11], "1999-12");
        assert_eq!(shown[12..], ["2000-01", "2000-02", "2000-03"]);
        assert_eq!(months.deals(Sources::All)[12..], [14.0, 13.0, 13.0]);
        // A year from 2199-12 has twelve different months, running into 2200.
        let mut scenario = scenario_at("2199-12");
        scenario.period = Period::Year;
        let shown = labels(&plan(&scenario).months.months);
        assert_eq!(shown.len(), 12);
        assert_eq!(shown[0], "2199-12");
        assert_eq!(shown[1], "2200-01");
        assert_eq!(shown[11], "2200-11");
    }

    #[test]
    fn lead_months_before_today_are_overdue() {
        // Q4 2026 with a 90-day cycle: Leads lag 3 months, so they are due Jul–Sep 2026.
        let mut scenario = scenario("2026-10");
        scenario.timing.cycle_days = 90;
        let months = plan(&scenario).months;
        assert_eq!(
            labels(&months.months),
            [
                "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"
            ]
        );
        let today = YearMonth::parse("2026-11").unwrap();
        let overdue = months.overdue_lead_months(today).unwrap();
        assert_eq!(
            (overdue.0.to_string(), overdue.1.to_string()),
            ("2026-07".into(), "2026-09".into())
        );
        let past: Vec<bool> = (0..6).map(|k| months.is_past(k, today)).collect();
        assert_eq!(past, [true, true, true, true, false, false]);
        assert!(!months.is_past(6, today), "no such month");
        // In August only July's leads are late; in July none are.
        let august = YearMonth::parse("2026-08").unwrap();
        let overdue = months.overdue_lead_months(august).unwrap();
        assert_eq!(
            (overdue.0.to_string(), overdue.1.to_string()),
            ("2026-07".into(), "2026-07".into())
        );
        assert_eq!(
            months.overdue_lead_months(YearMonth::parse("2026-07").unwrap()),
            None
        );
        // With nothing to generate, nothing is late.
        scenario.quota = crate::model::Money::from_units(0).unwrap();
        assert_eq!(plan(&scenario).months.overdue_lead_months(today), None);
    }

    #[test]
    fn marketing_volumes_add_up_to_the_headline_and_all_sources_to_the_need() {
        // Existing 200,000 and 70 % from marketing: all sources need 32 deals → 160 opps →
        // ⌈266.7⌉ = 267 SQLs → ⌈667.5⌉ = 668 MQLs → 3,340 Leads; marketing ⌈32 × 70 %⌉ = 23
        // deals → 115 → ⌈191.7⌉ = 192 → 480 → 2,400 Leads (the headline).
        let mut scenario = scenario("2027-01");
        scenario.existing =
            crate::model::Existing::Amount(crate::model::Money::from_units(200_000).unwrap());
        scenario.marketing_share = crate::model::Share::parse_percent("70").unwrap();
        scenario.timing.cycle_days = 90;
        let result = plan(&scenario);
        let months = &result.months;
        assert_eq!(result.stages[1].marketing, 2_400.0);
        assert_eq!(result.stages[1].need, 3_340.0);
        let leads = |sources: Sources| -> Vec<f64> {
            months
                .volumes_of(sources)
                .iter()
                .map(|row| row[1])
                .collect()
        };
        // Leads lag 3 months: Oct–Dec 2026. 2,400 ÷ 3 = 800 each; 3,340 ÷ 3 = 1,113.33 → the
        // one unit left goes to the first month.
        assert_eq!(
            leads(Sources::Marketing),
            [800.0, 800.0, 800.0, 0.0, 0.0, 0.0]
        );
        assert_eq!(
            leads(Sources::All),
            [1_114.0, 1_113.0, 1_113.0, 0.0, 0.0, 0.0]
        );
        // Deals closing: marketing's 23 → 8, 8, 7; all 32 → 11, 11, 10.
        assert_eq!(months.deals(Sources::Marketing)[3..], [8.0, 8.0, 7.0]);
        assert_eq!(months.deals(Sources::All)[3..], [11.0, 11.0, 10.0]);
        for stage in 0..6 {
            let sum = |sources: Sources| -> f64 {
                months
                    .volumes_of(sources)
                    .iter()
                    .map(|row| row[stage])
                    .sum()
            };
            assert_eq!(sum(Sources::Marketing), result.stages[stage].marketing);
            assert_eq!(sum(Sources::All), result.stages[stage].need);
        }
        for sources in Sources::ALL {
            assert_eq!(Sources::from_name(sources.as_str()), Some(sources));
        }
        assert_eq!(Sources::default(), Sources::Marketing);
        assert_eq!(Sources::from_name("sales"), None);
    }

    #[test]
    fn seasonality_weights_and_zero_weight_periods() {
        // Q1 weights Jan 1, Feb 0, Mar 3: 40 deals → 10, 0, 30.
        let mut scenario = scenario("2027-01");
        scenario.timing.season = Some(Season::parse("1,0,3,1,1,1,1,1,1,1,1,1").unwrap());
        let months = plan(&scenario).months;
        assert_eq!(months.deals(Sources::All), [10.0, 0.0, 30.0]);
        assert!(!months.season_ignored);
        scenario.timing.season = Some(Season::parse("0,0,0,1,1,1,1,1,1,1,1,1").unwrap());
        let months = plan(&scenario).months;
        assert_eq!(months.deals(Sources::All), [14.0, 13.0, 13.0]);
        assert!(months.season_ignored);
    }

    #[test]
    fn a_year_plan_has_twelve_months_and_adds_up() {
        let mut scenario = scenario("2027-04");
        scenario.period = Period::Year;
        scenario.timing.cycle_days = 45;
        let result = plan(&scenario);
        assert_eq!(result.months.months.len(), 12 + 1);
        for stage in 0..6 {
            assert_eq!(
                column_sums(&result.months, stage),
                result.stages[stage].need
            );
        }
    }
}
