//! Worked examples as data over the public link: each case is a link fragment and the figures
//! it must give, named by their `data-testid` hooks (test builds only).
//!
//! `check("quota=1000000&deal=30000", "deals-needed=34 need-0=127500")` opens the link the way
//! the page does and compares each named figure. The figures are worked out by hand in the
//! comments, and the README quotes the same examples.

use super::link::{self, LinkParams};
use crate::model::{Plan, Scenario, YearMonth, compute};

/// The figure a public test hook shows, or `None` where the page shows "—" or no such hook.
fn figure(plan: &Plan, scenario: &Scenario, hook: &str) -> Option<f64> {
    let indexed = |prefix: &str| {
        hook.strip_prefix(prefix)
            .and_then(|i| i.parse::<usize>().ok())
    };
    if let Some(i) = indexed("need-") {
        return plan.stages.get(i).map(|s| s.need);
    }
    if let Some(i) = indexed("mkt-need-") {
        return plan.stages.get(i).map(|s| s.marketing);
    }
    if let Some(i) = indexed("forecast-") {
        return plan.stages.get(i).map(|s| s.forecast);
    }
    if let Some(c) = indexed("channel-budget-") {
        return plan.budget.channels.get(c).map(|ch| ch.budget);
    }
    Some(match hook {
        "deals-needed" => plan.deals_needed,
        "mkt-deals" => plan.marketing_deals,
        "sales-deals" => plan.sales_deals,
        "headline-value" => plan.stages.get(plan.budget.lead_stage)?.marketing,
        "new-target" => plan.new_target,
        "pipeline-needed" => plan.pipeline_needed,
        "coverage" => plan.pipeline_coverage?,
        "forecast-deals" => plan.forecast_deals,
        "gap" => plan.gap,
        "traffic-gap" => plan.traffic_gap(scenario),
        "ramped-reps" => plan.capacity.ramped_reps,
        "capacity" => plan.capacity.capacity,
        "reps-short" => plan.capacity.reps_short?,
        "budget" => plan.budget.budget,
        "blended-cpl" => plan.budget.blended_cpl,
        "cac" => plan.budget.cac?,
        "velocity-per-day" => plan.velocity_per_day?,
        _ => return None,
    })
}

/// Opens `link` as the page does on 2026-11-23 and checks every `hook=value` in `expect`
/// (values to within a millionth, relatively).
fn check(link: &str, expect: &str) {
    let decoded = link::decode(&LinkParams::parse(link), YearMonth::new(2026, 11).unwrap());
    assert_eq!(decoded.problems, [], "{link}");
    let plan = compute(&decoded.scenario);
    for pair in expect.split_whitespace() {
        let (hook, want) = pair.split_once('=').unwrap();
        let want: f64 = want.parse().unwrap();
        let got = figure(&plan, &decoded.scenario, hook)
            .unwrap_or_else(|| panic!("{link}: no figure {hook}"));
        assert!(
            (got - want).abs() <= 1e-6 * want.abs().max(1.0),
            "{link}: {hook} is {got}, expected {want}"
        );
    }
}

#[test]
fn the_default_funnel_worked_backwards() {
    // 1,000,000 ÷ 25,000 = 40 deals ÷ 20 % = 200 ÷ 60 % = 333.3 → 334 ÷ 40 % = 835 ÷ 20 % =
    // 4,175 ÷ 2 % = 208,750 visitors. 200,000 visitors bring 38.4 deals: 40,000 short.
    check(
        "quota=1000000&deal=25000",
        "deals-needed=40 need-4=200 need-3=334 need-2=835 need-1=4175 need-0=208750 \
         forecast-deals=38.4 gap=40000 traffic-gap=8750 headline-value=4175 \
         pipeline-needed=5000000 coverage=5",
    );
}

#[test]
fn rounding_rules_from_the_readme() {
    // Stage: ⌈33.33⌉ = 34 deals, ⌈34 ÷ 30 %⌉ = ⌈113.3⌉ = 114. Exact: 33.33 ÷ 0.3 = 111.1 → 112.
    check(
        "quota=1000000&deal=30000&stages=Opportunities,Won:30",
        "deals-needed=34 need-0=114",
    );
    check(
        "quota=1000000&deal=30000&stages=Opportunities,Won:30&round=exact",
        "deals-needed=34 need-0=112",
    );
    // 160 ÷ 40 % is 400 exactly, never 401.
    check(
        "quota=160&deal=1&stages=SQLs,Won:40",
        "deals-needed=160 need-0=400",
    );
}

#[test]
fn existing_revenue_and_a_marketing_share() {
    // 1,000,000 − 200,000 = 800,000 → 32 deals; marketing ⌈32 × 70 %⌉ = 23, sales 9.
    check(
        "quota=1000000&deal=25000&existing=200000&share=70",
        "new-target=800000 deals-needed=32 mkt-deals=23 sales-deals=9",
    );
    // Existing revenue as a share of the quota follows the quota: 30 % of 1,000,000 = 300,000,
    // leaving 700,000 = 28 deals; with a 2,000,000 quota, 600,000 and 56 deals.
    check(
        "quota=1000000&deal=25000&existing=30%25",
        "new-target=700000 deals-needed=28",
    );
    check(
        "quota=2000000&deal=25000&existing=30%25",
        "new-target=1400000 deals-needed=56",
    );
    // Existing revenue covering the quota: nothing is needed.
    check(
        "quota=1000000&existing=1500000",
        "new-target=0 deals-needed=0 need-0=0 headline-value=0",
    );
}

#[test]
fn forecast_with_a_marketing_share_compares_like_with_like() {
    // 47 deals: marketing 33, sales 14; marketing needs 172,000 visitors. The 200,000 planned
    // bring 38.4 deals; (38.4 + 14) × 25,000 = 1,310,000, 135,000 over 1,175,000.
    check(
        "quota=1175000&deal=25000&share=70",
        "mkt-deals=33 sales-deals=14 mkt-need-0=172000 headline-value=3440 gap=-135000 \
         traffic-gap=-28000",
    );
}

#[test]
fn ramping_reps_and_capacity() {
    // 15 + 5 × 25 % + 3 × 60 % + 2 × 85 % = 19.75 ramped reps × 250,000 = 4,937,500; the
    // 5,062,500 left of 10,000,000 takes ⌈20.25⌉ = 21 more fully ramped reps.
    check(
        "quota=10000000&reps=15,5@25,3@60,2@85&repquota=250000",
        "ramped-reps=19.75 capacity=4937500 reps-short=21",
    );
    check("reps=5", "ramped-reps=5 capacity=1250000 reps-short=0");
}

#[test]
fn channels_are_scaled_when_their_shares_do_not_total_one_hundred() {
    // 4,175 leads. 40 % at 50 and 35 % at 200 total 75 %: (2,000 + 7,000) ÷ 75 = 120 per
    // lead, 501,000 in all: 4,175 × 40/75 × 50 = 111,333.33 and 4,175 × 35/75 × 200 =
    // 389,666.67.
    check(
        "channels=Paid+search:40:50,Content:35:200",
        "blended-cpl=120 budget=501000 channel-budget-0=111333.333333 \
         channel-budget-1=389666.666667",
    );
}

#[test]
fn coverage_and_velocity() {
    // 34 deals ÷ 20 % = 170 Opportunities × 30,000 = 5,100,000 = 5.1× the target. Velocity:
    // 192 forecast Opportunities × 20 % × 30,000 ÷ 22.5 days (90 ÷ 4 steps) = 51,200 a day.
    check(
        "quota=1000000&deal=30000&cycle=90",
        "coverage=5.1 velocity-per-day=51200",
    );
}
