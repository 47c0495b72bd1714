//! Plan against actual: what each month of the plan really brought, stage by stage, and
//! what follows from it.
//!
//! What was recorded lives in an [`ActualsLog`], by calendar month and stage *name*, so that
//! adding, removing or moving a stage never moves a recorded figure to another stage, and
//! changing the period never moves one to another month. Figures recorded for a stage or a
//! month the plan no longer has are kept (storage and export), not shown, and said.
//!
//! Rules (stated in the README):
//! - Actuals are counts of all sources (a CRM reports every lead, not marketing's alone), so
//!   they are compared with the month plan's all-source volumes.
//! - **Pace** per stage: the actuals of the months that have one, against the plan's volumes
//!   of the same months: ahead or behind, in units and in percent of the plan.
//! - **Observed rate** of a step: the stage's actuals ÷ the stage above's, over the months
//!   that record both; none when the stage above recorded none. Months are added up before
//!   dividing, so a quiet month weighs less than a busy one.
//! - **Re-forecast**: each stage's remaining need is its need for the whole plan less what
//!   the actuals delivered (never below 0), spread over the months after the last month with
//!   actuals by the plan's own proportions for them (evenly when the plan gives them none).

use std::collections::BTreeMap;

use super::monthly::MonthPlan;
use super::period::YearMonth;
use super::{Money, NumberError, Volume};

/// Which figure of a month: a stage's volume, by the stage's name, or the revenue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figure {
    /// A stage's volume.
    Stage(String),
    /// The month's revenue from won deals.
    Revenue,
}

/// One month's recorded figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recorded {
    /// Each stage's actual volume, by the stage's name.
    pub stages: BTreeMap<String, Volume>,
    /// The month's actual revenue from won deals.
    pub revenue: Option<Money>,
}

impl Recorded {
    fn is_empty(&self) -> bool {
        self.stages.is_empty() && self.revenue.is_none()
    }

    /// Records `text` as `figure`: a count for a stage, an amount for the revenue.
    ///
    /// # Errors
    /// Returns why the text is not such a number; nothing is recorded then.
    pub fn read(&mut self, figure: &Figure, text: &str) -> Result<(), NumberError> {
        match figure {
            Figure::Stage(name) => {
                self.stages.insert(name.clone(), Volume::parse(text)?);
            }
            Figure::Revenue => self.revenue = Some(Money::parse(text)?),
        }
        Ok(())
    }
}

/// Everything recorded for a scenario, month by month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActualsLog {
    months: BTreeMap<YearMonth, Recorded>,
}

impl ActualsLog {
    /// A log of the given months' figures (empty months left out).
    #[must_use]
    pub fn new(months: impl IntoIterator<Item = (YearMonth, Recorded)>) -> Self {
        Self {
            months: months.into_iter().filter(|(_, r)| !r.is_empty()).collect(),
        }
    }

    /// Whether nothing is recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.months.is_empty()
    }

    /// Every month with figures, earliest first.
    pub fn months(&self) -> impl Iterator<Item = (&YearMonth, &Recorded)> {
        self.months.iter()
    }

    /// The actual volume of the stage named `stage` in `month`.
    #[must_use]
    pub fn volume(&self, month: YearMonth, stage: &str) -> Option<Volume> {
        self.months.get(&month)?.stages.get(stage).copied()
    }

    /// The actual revenue of `month`.
    #[must_use]
    pub fn revenue(&self, month: YearMonth) -> Option<Money> {
        self.months.get(&month)?.revenue
    }

    /// This log with the stage `stage`'s volume in `month` recorded, or cleared (`None`).
    #[must_use]
    pub fn with_volume(&self, month: YearMonth, stage: &str, volume: Option<Volume>) -> Self {
        self.with_month(month, |recorded| match volume {
            Some(volume) => {
                recorded.stages.insert(stage.to_owned(), volume);
            }
            None => {
                recorded.stages.remove(stage);
            }
        })
    }

    /// This log with `text` recorded as `figure` of `month`, as a user types it: empty text
    /// clears the figure.
    ///
    /// # Errors
    /// Returns why the text is not a figure; the log is unchanged then.
    pub fn with_text(
        &self,
        month: YearMonth,
        figure: &Figure,
        text: &str,
    ) -> Result<Self, NumberError> {
        if !text.trim().is_empty() {
            let mut recorded = self.months.get(&month).cloned().unwrap_or_default();
            recorded.read(figure, text)?;
            let mut log = self.clone();
            log.months.insert(month, recorded);
            return Ok(log);
        }
        Ok(match figure {
            Figure::Stage(name) => self.with_volume(month, name, None),
            Figure::Revenue => self.with_revenue(month, None),
        })
    }

    /// This log with `month`'s revenue recorded, or cleared (`None`).
    #[must_use]
    pub fn with_revenue(&self, month: YearMonth, revenue: Option<Money>) -> Self {
        self.with_month(month, |recorded| recorded.revenue = revenue)
    }

    fn with_month(&self, month: YearMonth, change: impl FnOnce(&mut Recorded)) -> Self {
        let mut log = self.clone();
        let mut recorded = log.months.remove(&month).unwrap_or_default();
        change(&mut recorded);
        if !recorded.is_empty() {
            log.months.insert(month, recorded);
        }
        log
    }

    /// The recorded volumes of `months` and of the stages `names`, as the plan lays them out.
    #[must_use]
    pub fn grid(&self, months: &[YearMonth], names: &[String]) -> Actuals {
        Actuals {
            volumes: months
                .iter()
                .map(|&month| {
                    names
                        .iter()
                        .map(|name| self.volume(month, name).map(Volume::units))
                        .collect()
                })
                .collect(),
        }
    }

    /// How many recorded figures lie outside `months` or the stages `names`: kept, not shown.
    #[must_use]
    pub fn unplaced(&self, months: &[YearMonth], names: &[String]) -> usize {
        self.months
            .iter()
            .map(|(month, recorded)| {
                if months.contains(month) {
                    recorded
                        .stages
                        .keys()
                        .filter(|name| !names.contains(name))
                        .count()
                } else {
                    recorded.stages.len() + usize::from(recorded.revenue.is_some())
                }
            })
            .sum()
    }
}

/// Revenue's pace: the actual revenue of the months that record one, against what the plan
/// expects of them (its deals closing in those months × the deal size).
#[must_use]
pub fn revenue_pace(plan: &MonthPlan, log: &ActualsLog, deal_size: Money) -> Option<Pace> {
    let last = plan.volumes.first().map_or(0, Vec::len).checked_sub(1)?;
    let recorded: Vec<(f64, f64)> = plan
        .months
        .iter()
        .zip(&plan.volumes)
        .filter_map(|(&month, row)| {
            let actual = log.revenue(month)?.to_f64();
            Some((
                actual,
                row.get(last).copied().unwrap_or(0.0) * deal_size.to_f64(),
            ))
        })
        .collect();
    Pace::of(recorded)
}

/// Actual volumes per month of a month plan: `volumes[month][stage]`, months in the plan's
/// order, `None` where nothing was recorded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Actuals {
    /// Recorded volumes, by month of the plan and stage; rows or cells may be missing.
    pub volumes: Vec<Vec<Option<f64>>>,
}

impl Actuals {
    /// The recorded volume of `stage` in month `month`, if any.
    #[must_use]
    pub fn get(&self, month: usize, stage: usize) -> Option<f64> {
        self.volumes.get(month)?.get(stage).copied().flatten()
    }

    /// Whether any volume is recorded in `month`.
    #[must_use]
    pub fn has_month(&self, month: usize) -> bool {
        self.volumes
            .get(month)
            .is_some_and(|row| row.iter().any(Option::is_some))
    }

    /// The last month with any volume recorded.
    #[must_use]
    pub fn last_month(&self) -> Option<usize> {
        (0..self.volumes.len()).rev().find(|&m| self.has_month(m))
    }
}

/// One stage's pace: actual against plan over the months with actuals for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pace {
    /// What the months with actuals brought.
    pub actual: f64,
    /// What the plan asked of the same months.
    pub planned: f64,
    /// Actual − planned: above 0 ahead, below 0 behind.
    pub ahead: f64,
    /// `ahead` in percent of `planned`; `None` when the plan asked nothing of those months.
    pub percent: Option<f64>,
    /// How many months recorded this stage.
    pub months: usize,
}

impl Pace {
    /// The pace of months recorded as (actual, planned) pairs; `None` for no months.
    fn of(recorded: Vec<(f64, f64)>) -> Option<Self> {
        if recorded.is_empty() {
            return None;
        }
        let actual: f64 = recorded.iter().map(|(a, _)| a).sum();
        let planned: f64 = recorded.iter().map(|(_, p)| p).sum();
        let ahead = actual - planned;
        Some(Self {
            actual,
            planned,
            ahead,
            percent: (planned > 0.0).then(|| ahead / planned * 100.0),
            months: recorded.len(),
        })
    }
}

/// A step's observed conversion against the assumed one.
#[derive(Clone, Debug, PartialEq)]
pub struct Observed {
    /// The observed rate in percent; `None` when no month records both stages, or the stage
    /// above recorded none.
    pub rate: Option<f64>,
    /// The rate the plan assumes, in percent.
    pub assumed: f64,
}

/// The plan against its actuals.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanVsActual {
    /// Pace per stage, top first; `None` for a stage with no actuals.
    pub pace: Vec<Option<Pace>>,
    /// Observed rates, one per step: index 0 is the step into stage 1.
    pub observed: Vec<Observed>,
    /// What each stage still needs, over the whole plan: need − actual, at least 0.
    pub remaining: Vec<f64>,
    /// The months after the last month with actuals: index of the first, and how many.
    pub months_left: (usize, usize),
    /// The re-forecast: `per_month[month][stage]` for the months left, in the plan's order.
    pub per_month: Vec<Vec<f64>>,
}

/// `parts` rounded to whole units that add up to their rounded total: each is floored, and
/// the units left over go to the parts with the largest fractions (the earliest first on a
/// tie).
fn whole_units(parts: &[f64]) -> Vec<f64> {
    let total = parts.iter().sum::<f64>().round();
    let mut units: Vec<f64> = parts.iter().map(|p| p.floor()).collect();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        (parts[b] - units[b])
            .total_cmp(&(parts[a] - units[a]))
            .then(a.cmp(&b))
    });
    let mut short = total - units.iter().sum::<f64>();
    for index in order {
        if short < 0.5 {
            break;
        }
        units[index] += 1.0;
        short -= 1.0;
    }
    units
}

/// Compares `plan` with `actuals`; `rates` are the assumed step rates in percent (into stage
/// 1, 2, …).
#[must_use]
pub fn compare(plan: &MonthPlan, actuals: &Actuals, rates: &[f64]) -> PlanVsActual {
    let stages = plan.volumes.first().map_or(0, Vec::len);
    let months = plan.volumes.len();
    let pace = (0..stages)
        .map(|stage| {
            Pace::of(
                (0..months)
                    .filter_map(|m| Some((actuals.get(m, stage)?, plan.volumes[m][stage])))
                    .collect(),
            )
        })
        .collect();
    let observed = (1..stages)
        .map(|stage| {
            let both = (0..months)
                .filter_map(|m| Some((actuals.get(m, stage - 1)?, actuals.get(m, stage)?)));
            let (above, here) = both.fold((0.0, 0.0), |(a, h), (x, y)| (a + x, h + y));
            Observed {
                rate: (above > 0.0).then(|| here / above * 100.0),
                assumed: rates.get(stage - 1).copied().unwrap_or(0.0),
            }
        })
        .collect();
    let remaining: Vec<f64> = (0..stages)
        .map(|stage| {
            let need: f64 = plan.volumes.iter().map(|row| row[stage]).sum();
            let done: f64 = (0..months).filter_map(|m| actuals.get(m, stage)).sum();
            (need - done).max(0.0)
        })
        .collect();
    let first_left = actuals.last_month().map_or(0, |m| m + 1).min(months);
    let left = months - first_left;
    // Each stage's whole units left, spread by the plan's proportions and rounded so that the
    // months add up to the total (largest remainder: the months with the largest fractions
    // take the units left over).
    let mut per_month = vec![vec![0.0; stages]; left];
    for stage in 0..stages {
        let weights: f64 = (first_left..months).map(|k| plan.volumes[k][stage]).sum();
        let shares: Vec<f64> = (first_left..months)
            .map(|m| {
                let share = if weights > 0.0 {
                    plan.volumes[m][stage] / weights
                } else {
                    1.0 / f64::from(u32::try_from(left).unwrap_or(u32::MAX))
                };
                remaining[stage].round() * share
            })
            .collect();
        for (row, units) in per_month.iter_mut().zip(whole_units(&shares)) {
            row[stage] = units;
        }
    }
    PlanVsActual {
        pace,
        observed,
        remaining,
        months_left: (first_left, left),
        per_month,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::period::YearMonth;

    /// A three-month plan of three stages: 100 leads, 20 SQLs and 5 deals a month.
    fn plan() -> MonthPlan {
        let month = |m| YearMonth::new(2027, m).unwrap();
        MonthPlan {
            months: vec![month(1), month(2), month(3)],
            volumes: vec![vec![100.0, 20.0, 5.0]; 3],
            marketing: vec![vec![70.0, 14.0, 3.5]; 3],
            lags: vec![0, 0, 0],
            lead_stage: 0,
            lead_window: (month(1), month(3)),
            season_ignored: false,
            stage_days_mismatch: None,
        }
    }

    fn row(values: &[Option<f64>]) -> Vec<Option<f64>> {
        values.to_vec()
    }

    #[test]
    fn pace_compares_the_months_with_actuals_only() {
        let actuals = Actuals {
            volumes: vec![
                row(&[Some(90.0), Some(24.0), Some(4.0)]),
                row(&[Some(80.0), None, None]),
            ],
        };
        let result = compare(&plan(), &actuals, &[20.0, 25.0]);
        let leads = result.pace[0].clone().unwrap();
        // 170 leads in two months against 200 planned: 30 behind, −15 %.
        assert_eq!(
            (leads.actual, leads.planned, leads.ahead),
            (170.0, 200.0, -30.0)
        );
        assert_eq!(leads.percent, Some(-15.0));
        assert_eq!(leads.months, 2);
        // SQLs recorded in January only: 24 against 20, 20 % ahead.
        let sqls = result.pace[1].clone().unwrap();
        assert_eq!(
            (sqls.ahead, sqls.percent, sqls.months),
            (4.0, Some(20.0), 1)
        );
    }

    #[test]
    fn observed_rates_add_months_up_before_dividing() {
        let actuals = Actuals {
            volumes: vec![
                row(&[Some(100.0), Some(30.0), Some(3.0)]),
                row(&[Some(300.0), Some(50.0), None]),
                row(&[None, Some(10.0), Some(9.0)]),
            ],
        };
        let result = compare(&plan(), &actuals, &[20.0, 25.0]);
        // Leads → SQLs over January and February: 80 ÷ 400 = 20 %.
        assert_eq!(
            result.observed[0],
            Observed {
                rate: Some(20.0),
                assumed: 20.0
            }
        );
        // SQLs → deals over January and March: 12 ÷ 40 = 30 %.
        assert_eq!(result.observed[1].rate, Some(30.0));
        let none = compare(&plan(), &Actuals::default(), &[20.0, 25.0]);
        assert_eq!(none.observed[0].rate, None);
        assert!(none.pace.iter().all(Option::is_none));
    }

    #[test]
    fn the_reforecast_spreads_what_is_left_over_the_months_left() {
        let actuals = Actuals {
            volumes: vec![row(&[Some(60.0), Some(20.0), Some(8.0)])],
        };
        let result = compare(&plan(), &actuals, &[20.0, 25.0]);
        // 300 leads needed, 60 delivered: 240 over February and March, 120 each.
        assert_eq!(result.remaining, [240.0, 40.0, 7.0]);
        assert_eq!(result.months_left, (1, 2));
        // 7 deals over two equal months: whole deals that add up, 4 and 3.
        assert_eq!(result.per_month, [[120.0, 20.0, 4.0], [120.0, 20.0, 3.0]]);
        // Ahead of the whole plan: nothing is left, never a negative need.
        let done = Actuals {
            volumes: vec![row(&[Some(400.0), None, None])],
        };
        assert!(compare(&plan(), &done, &[20.0, 25.0]).remaining[0] <= 0.0);
        // Every month recorded: no months left, nothing to spread.
        let all = Actuals {
            volumes: vec![row(&[Some(1.0)]); 3],
        };
        let result = compare(&plan(), &all, &[20.0, 25.0]);
        assert_eq!(result.months_left, (3, 0));
        assert!(result.per_month.is_empty());
    }

    #[test]
    fn the_log_keys_figures_by_month_and_stage_name_and_keeps_what_the_plan_lacks() {
        let jan = YearMonth::new(2027, 1).unwrap();
        let feb = YearMonth::new(2027, 2).unwrap();
        let units = |n| Volume::from_units(n).unwrap();
        let log = ActualsLog::default()
            .with_volume(jan, "Leads", Some(units(90)))
            .with_volume(jan, "SQLs", Some(units(24)))
            .with_volume(feb, "Leads", Some(units(80)))
            .with_revenue(feb, Some(Money::from_units(50_000).unwrap()));
        let names: Vec<String> = ["Leads", "SQLs", "Won"].map(String::from).to_vec();
        let grid = log.grid(&[jan, feb], &names);
        assert_eq!(
            grid.volumes,
            [[Some(90.0), Some(24.0), None], [Some(80.0), None, None]]
        );
        // SQLs renamed to Opportunities: January's 24 SQLs stay in the log, not shown.
        let renamed: Vec<String> = ["Leads", "Opportunities", "Won"].map(String::from).to_vec();
        assert_eq!(log.grid(&[jan, feb], &renamed).get(0, 1), None);
        assert_eq!(log.unplaced(&[jan, feb], &renamed), 1);
        // A period that no longer holds February: its lead count and revenue are kept.
        assert_eq!(log.unplaced(&[jan], &names), 2);
        // Clearing the last figure of a month drops the month.
        let cleared = log.with_volume(feb, "Leads", None).with_revenue(feb, None);
        assert_eq!(cleared.months().count(), 1);
        assert!(ActualsLog::default().is_empty());
    }

    #[test]
    fn revenue_pace_weighs_the_deals_planned_in_the_recorded_months() {
        let jan = YearMonth::new(2027, 1).unwrap();
        let log =
            ActualsLog::default().with_revenue(jan, Some(Money::from_units(100_000).unwrap()));
        // 5 deals planned in January × 25,000 = 125,000: 25,000 behind, −20 %.
        let pace = revenue_pace(&plan(), &log, Money::from_units(25_000).unwrap()).unwrap();
        assert_eq!(
            (pace.actual, pace.planned, pace.ahead),
            (100_000.0, 125_000.0, -25_000.0)
        );
        assert_eq!(pace.percent, Some(-20.0));
        assert_eq!(
            revenue_pace(
                &plan(),
                &ActualsLog::default(),
                Money::from_units(1).unwrap()
            ),
            None
        );
    }

    #[test]
    fn whole_units_add_up_to_the_rounded_total() {
        assert_eq!(whole_units(&[1_757.5, 1_757.5]), [1_758.0, 1_757.0]);
        assert_eq!(whole_units(&[0.3, 0.3, 0.4]), [0.0, 0.0, 1.0]);
        assert_eq!(whole_units(&[2.0, 3.0]), [2.0, 3.0]);
        assert!(whole_units(&[]).is_empty());
    }
}
