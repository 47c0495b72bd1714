//! Comparing scenarios side by side: the same figures for each, in rows, with each one's
//! difference from the first (the baseline) in units and in percent.
//!
//! Rows are data ([`Row`]): the page's table, its test hooks and the CSV export all read the
//! same rows, so they cannot disagree. Results come first, led by what marketing must
//! deliver; the assumptions behind them follow. Stage rates are compared by stage name (the
//! rate into MQLs against the rate into MQLs), so a scenario with a stage more or less never
//! shows one stage's rate under another's name.

use super::{Plan, Scenario, compute, wording};

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
    /// The compared stages' names, top first, matched by name: the first scenario's, with
    /// any stage another scenario adds placed after its stage above.
    pub stages: Vec<String>,
    /// For each scenario, in order, what marketing must source at each compared stage (the
    /// funnel chart's solid bars); `None` where the scenario has no stage of that name.
    pub needs: Vec<Vec<Option<f64>>>,
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
    let stage_names = stage_union(scenarios);
    // Where each scenario has each compared stage, by name.
    let positions: Vec<Vec<Option<usize>>> = scenarios
        .iter()
        .map(|(_, s)| {
            stage_names
                .iter()
                .map(|name| s.funnel.names().position(|n| n.as_str() == name))
                .collect()
        })
        .collect();
    for (j, name) in stage_names.iter().enumerate() {
        let values: Vec<Option<f64>> = scenarios
            .iter()
            .zip(&positions)
            .map(|((_, s), at)| {
                let index = at[j]?;
                s.funnel.rate_into(index).map(super::Rate::fraction)
            })
            .collect();
        // The top stage has no rate in any scenario that starts there.
        if values.iter().any(Option::is_some) {
            rows.push(Row {
                key: format!("rate-{j}"),
                label: wording::compare::rate_into(name),
                unit: Unit::Percent,
                part: Part::Assumption,
                values,
            });
        }
    }
    Comparison {
        names: scenarios.iter().map(|(name, _)| name.clone()).collect(),
        rows,
        needs: plans
            .iter()
            .zip(&positions)
            .map(|(plan, at)| {
                at.iter()
                    .map(|index| Some(plan.stages.get((*index)?)?.marketing))
                    .collect()
            })
            .collect(),
        stages: stage_names,
    }
}

/// The compared stages, by name: the first scenario's, in order, then each stage another
/// scenario has that none before it had, placed just after that scenario's stage above it.
fn stage_union(scenarios: &[(String, Scenario)]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (_, scenario) in scenarios {
        let mut after: Option<usize> = None;
        for name in scenario.funnel.names() {
            let name = name.as_str();
            if let Some(at) = names.iter().position(|n| n == name) {
                after = Some(at);
            } else {
                let at = after.map_or(0, |a| a + 1);
                names.insert(at, name.to_owned());
                after = Some(at);
            }
        }
    }
    names
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
    fn stages_compare_by_name_and_a_missing_one_has_no_value() {
        let name = |text| crate::model::StageName::new(text).unwrap();
        let step = |text, ppm| {
            crate::model::Step::new(name(text), crate::model::Rate::from_ppm(ppm).unwrap())
        };
        let mut short = plan(1_000_000, 25_000);
        // Visitors → Leads → Opportunities → Won: no MQLs or SQLs, and one stage of its own.
        short.funnel = crate::model::Funnel::new(
            name("Visitors"),
            vec![
                step("Leads", 20_000),
                step("Demos", 500_000),
                step("Opportunities", 100_000),
                step("Won", 250_000),
            ],
        )
        .unwrap();
        let six = plan(1_000_000, 25_000);
        let comparison = compare(&[
            ("Six stages".to_owned(), six.clone()),
            ("Its own".to_owned(), short.clone()),
        ]);
        assert_eq!(
            comparison.stages,
            [
                "Visitors",
                "Leads",
                "Demos",
                "MQLs",
                "SQLs",
                "Opportunities",
                "Won"
            ]
        );
        let rate = |stage: &str| {
            let j = comparison.stages.iter().position(|s| s == stage).unwrap();
            row(&comparison, &format!("rate-{j}")).clone()
        };
        // Won against Won, never against whatever stands sixth.
        let won = rate("Won");
        assert!(won.label.contains("Won"), "{}", won.label);
        assert_eq!(won.values, [Some(0.2), Some(0.25)]);
        assert_eq!(rate("MQLs").values[1], None);
        assert_eq!(rate("MQLs").difference(1), None);
        assert_eq!(rate("Demos").values, [None, Some(0.5)]);
        assert!(
            comparison.rows.iter().all(|r| r.key != "rate-0"),
            "no rate into the top stage"
        );
        // Each scenario's needs, at its own stages.
        let own: Vec<f64> = compute(&short).stages.iter().map(|s| s.marketing).collect();
        let needs = &comparison.needs[1];
        assert_eq!(needs.len(), 7);
        assert_eq!(needs[3], None);
        assert_eq!(needs.iter().flatten().copied().collect::<Vec<_>>(), own);
        let five = vec![("A".to_owned(), plan(1, 1)); 5];
        assert_eq!(compare(&five).names.len(), MOST_COMPARED);
    }
}
