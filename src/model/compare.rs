//! Comparing scenarios side by side: the same figures for each, in rows, with each one's
//! difference from the first (the baseline) in units and in percent.
//!
//! Rows are data ([`Row`]): the page's table, its test hooks and the CSV export all read the
//! same rows, so they cannot disagree. Results come first, led by what marketing must
//! deliver; the assumptions behind them follow. Stage rates are compared by position (the
//! second stage's rate against the second stage's), named by the baseline's stages.

use super::{Plan, Scenario, compute};

/// Most scenarios compared at once: more columns no longer fit a projector.
pub const MOST_COMPARED: usize = 4;

/// How a row's values read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A whole number of leads, deals or visitors.
    Count,
    /// An amount of money in the plan's currency.
    Money,
    /// A fraction shown as a percentage (`0.2` is 20 %).
    Percent,
}

/// Which part of the comparison a row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// What the plan gives.
    Result,
    /// What the plan assumes.
    Assumption,
}

/// One compared figure: its key (the page's `data-testid` for it), label and each
/// scenario's value (`None` where a scenario has no such figure: a stage it lacks, an ROI
/// without a budget).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The figure's key, as the single-plan page's `data-testid` names it where it has one.
    pub key: String,
    /// The figure's label.
    pub label: String,
    /// How its values read.
    pub unit: Unit,
    /// Results or assumptions.
    pub part: Part,
    /// Each compared scenario's value, in order.
    pub values: Vec<Option<f64>>,
}

/// A value's difference from the baseline's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    /// This value − the baseline's, in the row's unit.
    pub amount: f64,
    /// That difference as a percentage of the baseline's value; `None` when the baseline's
    /// value is 0.
    pub percent: Option<f64>,
}

impl Row {
    /// Scenario `index`'s difference from the first, or `None` for the first itself, and
    /// where either value is missing.
    #[must_use]
    pub fn difference(&self, index: usize) -> Option<Difference> {
        if index == 0 {
            return None;
        }
        let base = (*self.values.first()?)?;
        let value = (*self.values.get(index)?)?;
        let amount = value - base;
        Some(Difference {
            amount,
            percent: (base != 0.0).then(|| amount / base.abs() * 100.0),
        })
    }

    /// Whether scenario `index` differs from the first in a way the page shows: by half a
    /// unit or more for counts, a cent for money, a hundredth of a percentage point for
    /// rates (smaller differences display as none).
    #[must_use]
    pub fn differs(&self, index: usize) -> bool {
        let least = match self.unit {
            Unit::Count => 0.5,
            Unit::Money => 0.005,
            Unit::Percent => 0.000_05,
        };
        self.difference(index)
            .is_some_and(|difference| difference.amount.abs() >= least)
    }
}

/// The comparison of scenarios, in order: the first is the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The scenarios' names, in order.
    pub names: Vec<String>,
    /// Every compared figure.
    pub rows: Vec<Row>,
    /// The stages' names, top first: the first scenario's, then the others' past its end.
    pub stages: Vec<String>,
    /// For each scenario, in order, what marketing must source at each of its stages (the
    /// funnel chart's solid bars), top first.
    pub needs: Vec<Vec<f64>>,
}

/// Marketing's volume at a plan's lead stage: the page's headline.
fn headline(plan: &Plan) -> f64 {
    plan.stages
        .get(plan.budget.lead_stage)
        .map_or(0.0, |stage| stage.marketing)
}

/// Reads one figure of a scenario and its plan.
type Read = fn(&Scenario, &Plan) -> Option<f64>;

/// The compared figures other than stage rates, in the order shown: key, label, unit, part
/// and how to read it.
const FIGURES: [(&str, &str, Unit, Part, Read); 12] = [
    (
        "headline-value",
        "Marketing must deliver (at its lead stage)",
        Unit::Count,
        Part::Result,
        |_, p| Some(headline(p)),
    ),
    (
        "deals-needed",
        "Deals needed",
        Unit::Count,
        Part::Result,
        |_, p| Some(p.deals_needed),
    ),
    (
        "marketing-deals",
        "Deals marketing sources",
        Unit::Count,
        Part::Result,
        |_, p| Some(p.marketing_deals),
    ),
    (
        "pipeline-needed",
        "Pipeline needed",
        Unit::Money,
        Part::Result,
        |_, p| Some(p.pipeline_needed),
    ),
    (
        "forecast-revenue",
        "Forecast revenue from planned traffic",
        Unit::Money,
        Part::Result,
        |_, p| Some(p.forecast_revenue),
    ),
    (
        "gap",
        "Gap (new-business target \u{2212} forecast; positive is short)",
        Unit::Money,
        Part::Result,
        |_, p| Some(p.gap),
    ),
    (
        "budget",
        "Marketing budget needed",
        Unit::Money,
        Part::Result,
        |_, p| Some(p.budget.budget),
    ),
    ("cac", "CAC", Unit::Money, Part::Result, |_, p| p.budget.cac),
    ("quota", "Quota", Unit::Money, Part::Assumption, |s, _| {
        Some(s.quota.to_f64())
    }),
    (
        "deal",
        "Deal size",
        Unit::Money,
        Part::Assumption,
        |s, _| Some(s.deal_size.to_f64()),
    ),
    (
        "traffic",
        "Planned traffic",
        Unit::Count,
        Part::Assumption,
        |s, _| Some(s.traffic.units()),
    ),
    (
        "share",
        "Marketing\u{2019}s share of deals",
        Unit::Percent,
        Part::Assumption,
        |s, _| Some(s.marketing_share.fraction()),
    ),
];

/// Compares named scenarios (at most [`MOST_COMPARED`] are used), computing each plan.
#[must_use]
pub fn compare(scenarios: &[(String, Scenario)]) -> Comparison {
    let plans: Vec<Plan> = scenarios.iter().map(|(_, s)| compute(s)).collect();
    compare_computed(scenarios, &plans.iter().collect::<Vec<_>>())
}

/// Compares named scenarios whose plans are computed already (`plans[k]` is
/// `compute(&scenarios[k].1)`), so that a page which holds them need not compute them again.
#[must_use]
pub fn compare_computed(scenarios: &[(String, Scenario)], plans: &[&Plan]) -> Comparison {
    let count = scenarios.len().min(plans.len()).min(MOST_COMPARED);
    let (scenarios, plans) = (&scenarios[..count], &plans[..count]);
    let each = |read: &dyn Fn(&Scenario, &Plan) -> Option<f64>| -> Vec<Option<f64>> {
        scenarios
            .iter()
            .zip(plans)
            .map(|((_, scenario), plan)| read(scenario, plan))
            .collect()
    };
    let mut rows: Vec<Row> = FIGURES
        .iter()
        .map(|&(key, label, unit, part, read)| Row {
            key: key.to_owned(),
            label: label.to_owned(),
            unit,
            part,
            values: each(&read),
        })
        .collect();
    let stages = scenarios
        .iter()
        .map(|(_, s)| s.funnel.stage_count())
        .max()
        .unwrap_or(0);
    let base = scenarios.first().map(|(_, s)| &s.funnel);
    for index in 1..stages {
        let name = base.map(|f| f.name_text(index)).unwrap_or_default();
        let label = if name.is_empty() {
            format!("Rate into stage {}", index + 1)
        } else {
            format!("Rate into {name} (stage {})", index + 1)
        };
        rows.push(Row {
            key: format!("rate-{index}"),
            label,
            unit: Unit::Percent,
            part: Part::Assumption,
            values: each(&|s, _| s.funnel.rate_into(index).map(super::Rate::fraction)),
        });
    }
    let stage_names = (0..stages)
        .map(|index| {
            scenarios
                .iter()
                .map(|(_, s)| s.funnel.name_text(index))
                .find(|name| !name.is_empty())
                .unwrap_or_default()
        })
        .collect();
    Comparison {
        names: scenarios.iter().map(|(name, _)| name.clone()).collect(),
        rows,
        stages: stage_names,
        needs: plans
            .iter()
            .map(|plan| plan.stages.iter().map(|stage| stage.marketing).collect())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, YearMonth};

    fn plan(quota: u64, deal: u64) -> Scenario {
        let mut plan = Scenario::starting(YearMonth::new(2026, 11).unwrap());
        plan.quota = Money::from_units(quota).unwrap();
        plan.deal_size = Money::from_units(deal).unwrap();
        plan
    }

    fn row<'a>(comparison: &'a Comparison, key: &str) -> &'a Row {
        comparison.rows.iter().find(|r| r.key == key).unwrap()
    }

    #[test]
    fn each_figure_is_the_single_plans_and_differences_are_from_the_first() {
        let scenarios = vec![
            ("Baseline".to_owned(), plan(1_000_000, 25_000)),
            ("Stretch".to_owned(), plan(1_500_000, 25_000)),
            ("Bigger deals".to_owned(), plan(1_000_000, 50_000)),
        ];
        let comparison = compare(&scenarios);
        assert_eq!(
            comparison.rows[0].key, "headline-value",
            "what marketing must deliver leads"
        );
        for (index, (_, scenario)) in scenarios.iter().enumerate() {
            let single = compute(scenario);
            assert_eq!(
                row(&comparison, "headline-value").values[index],
                Some(headline(&single))
            );
            assert_eq!(
                row(&comparison, "deals-needed").values[index],
                Some(single.deals_needed)
            );
        }
        let deals = row(&comparison, "deals-needed");
        // 1,000,000 ÷ 25,000 = 40; 1,500,000 ÷ 25,000 = 60 (+50 %); ÷ 50,000 = 20 (−50 %).
        assert_eq!(deals.values, [Some(40.0), Some(60.0), Some(20.0)]);
        assert_eq!(deals.difference(0), None);
        assert_eq!(
            deals.difference(1),
            Some(Difference {
                amount: 20.0,
                percent: Some(50.0)
            })
        );
        assert_eq!(deals.difference(2).and_then(|d| d.percent), Some(-50.0));
        assert!(deals.differs(1));
        assert!(!row(&comparison, "traffic").differs(1), "same traffic");
    }

    #[test]
    fn stages_compare_by_position_and_a_missing_one_has_no_value() {
        let mut short = plan(1_000_000, 25_000);
        let name = |text| crate::model::StageName::new(text).unwrap();
        let won =
            crate::model::Step::new(name("Won"), crate::model::Rate::from_ppm(100_000).unwrap());
        short.funnel = crate::model::Funnel::new(name("Leads"), vec![won]).unwrap();
        let comparison = compare(&[
            ("Six stages".to_owned(), plan(1_000_000, 25_000)),
            ("Two stages".to_owned(), short.clone()),
        ]);
        let second = row(&comparison, "rate-1");
        assert!(
            second.label.contains("Leads"),
            "named by the first: {}",
            second.label
        );
        assert_eq!(second.values[1], Some(0.1));
        let last = row(&comparison, "rate-5");
        assert_eq!(last.values[1], None);
        assert_eq!(last.difference(1), None);
        assert_eq!(comparison.stages.len(), 6);
        assert_eq!(comparison.needs[0].len(), 6);
        assert_eq!(
            comparison.needs[1].len(),
            2,
            "one need per stage of its own"
        );
        assert_eq!(
            comparison.needs[1],
            compute(&short)
                .stages
                .iter()
                .map(|s| s.marketing)
                .collect::<Vec<_>>()
        );
        let five = vec![("A".to_owned(), plan(1, 1)); 5];
        assert_eq!(compare(&five).names.len(), MOST_COMPARED);
    }
}
