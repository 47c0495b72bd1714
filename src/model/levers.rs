//! Which lever matters most, and what a lever would have to be.
//!
//! [`sensitivity`] moves one lever at a time by +10 % (relative) and reports how marketing's
//! lead-stage need and the forecast revenue change. [`solve`] takes a limit on marketing's
//! lead-stage volume and finds, for each lever alone, the value that would make the plan fit
//! it.
//!
//! Both follow the scenario's rounding rule. Under [`Rounding::Stage`] the need is recomputed
//! in whole units, stage by stage, as the plan does. Under [`Rounding::Exact`] the need is
//! proportional to each lever, so the figures are exact ratios: +10 % on a rate below the lead
//! stage changes the leads needed by exactly 1/1.1 − 1.

use super::amount::{MAX_WHOLE_UNITS, Money, Volume};
use super::rate::{Rate, Share};
use super::ratio::Ratio;
use super::scenario::{Rounding, Scenario};
use super::stage_plan::ceil_whole;

/// Rates are held in units of 10⁻⁷ (ppm × 10), so that +10 % of any rate is a whole number.
const UNIT: u128 = 10_000_000;

/// Parts per million in 100 %.
const PPM: u128 = 1_000_000;

/// Cents in the largest amount the planner accepts.
const MAX_CENTS: u128 = MAX_WHOLE_UNITS as u128 * 100;

/// Something the plan could improve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lever {
    /// The rate into stage `i` (from 1).
    Rate(usize),
    /// The deal size.
    DealSize,
    /// The planned traffic at the top stage.
    Traffic,
    /// Marketing's share of deals.
    Share,
}

/// What +10 % on one lever does.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    /// The lever moved.
    pub lever: Lever,
    /// Relative change of marketing's lead-stage need (−0.0909 is −9.09 %); `None` when
    /// marketing needs nothing at the lead stage now.
    pub lead_change: Option<f64>,
    /// Whole units marketing needs fewer at the lead stage (negative: more).
    pub leads_fewer: f64,
    /// Relative change of the forecast revenue; `None` when the forecast is 0.
    pub revenue_change: Option<f64>,
    /// Whether the rate could rise only to 100 %, less than 10 %.
    pub capped: bool,
}

/// Every lever's effect, most helpful first.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    /// One effect per stage rate, the deal size and the traffic, ranked: the largest cut in
    /// the leads needed first, then the largest rise in revenue, then stage order.
    pub effects: Vec<Effect>,
    /// The stage marketing's need is counted at.
    pub lead_stage: usize,
    /// Marketing's whole-unit need at the lead stage now.
    pub leads: f64,
    /// Steps (rates) in the funnel.
    pub steps: usize,
    /// Steps below the lead stage: the rates that change the leads needed.
    pub steps_below_lead: usize,
}

/// A value a lever would need, and the setting that applies it.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    /// The lever.
    pub lever: Lever,
    /// The value needed: a percentage for a rate or the share, an amount for the deal size.
    /// Above 100 for a rate that cannot be reached. `None` when no value would do (a limit of
    /// 0).
    pub needed: Option<f64>,
    /// The setting to apply: the smallest rate or deal size, or the largest share, that fits
    /// the limit in the plan's precision. `None` when the value cannot be reached.
    pub setting: Option<Setting>,
}

/// A value to write into the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// The rate into stage `i`.
    Rate(usize, Rate),
    /// The deal size.
    DealSize(Money),
    /// Marketing's share of deals.
    Share(Share),
}

/// What each lever alone would need for marketing's lead-stage need to fit a limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Solve {
    /// The limit on marketing's lead-stage volume per period.
    pub limit: f64,
    /// Marketing's lead-stage need now, in whole units.
    pub leads: f64,
    /// Whether the need already fits the limit.
    pub fits: bool,
    /// One solution per rate below the lead stage, then the deal size and the share; empty
    /// when marketing needs nothing at the lead stage.
    pub solutions: Vec<Solution>,
}

/// The inputs marketing's lead-stage need depends on, in whole numbers.
#[derive(Clone, Debug)]
struct Inputs {
    /// The new-business target, in cents.
    target: u128,
    /// The deal size in cents, as `num / den` so that it can grow by 10 % exactly.
    deal: (u128, u128),
    /// Marketing's share of deals, in ppm.
    share: u128,
    /// The rates of the steps below the lead stage, top first, in [`UNIT`]s.
    rates: Vec<u128>,
    /// How the plan rounds.
    rounding: Rounding,
}

/// Marketing's lead-stage need: its exact value (as a fraction while it fits) and its whole
/// units under the rounding rule.
#[derive(Clone, Copy, Debug)]
struct Need {
    exact: Option<Ratio>,
    value: f64,
    whole: f64,
}

impl Inputs {
    fn new(scenario: &Scenario, lead_stage: usize) -> Self {
        let funnel = &scenario.funnel;
        let rates = (lead_stage + 1..funnel.stage_count())
            .map(|i| {
                funnel
                    .rate_into(i)
                    .map_or(UNIT, |r| u128::from(r.ppm()) * 10)
            })
            .collect();
        Self {
            target: u128::from(scenario.new_business_target().cents()),
            deal: (u128::from(scenario.deal_size.cents().max(1)), 1),
            share: u128::from(scenario.marketing_share.ppm()),
            rates,
            rounding: scenario.rounding,
        }
    }

    /// Marketing's need at the lead stage, as the plan computes it.
    #[allow(
        clippy::cast_precision_loss,
        reason = "needs above 2^53 are shown approximately"
    )]
    fn need(&self) -> Need {
        match self.rounding {
            Rounding::Stage => {
                let whole = self.whole_need();
                Need {
                    exact: None,
                    value: whole,
                    whole,
                }
            }
            Rounding::Exact => {
                let mut ratio = self
                    .target
                    .checked_mul(self.deal.1)
                    .and_then(|target| Ratio::new(target, self.deal.0))
                    .and_then(|deals| deals.times(self.share, PPM));
                let mut approx = self.target as f64 * self.deal.1 as f64 / self.deal.0 as f64
                    * self.share as f64
                    / PPM as f64;
                for &rate in self.rates.iter().rev() {
                    ratio = ratio.and_then(|r| r.times(UNIT, rate));
                    approx = approx * UNIT as f64 / rate as f64;
                }
                let value = ratio.map_or(approx, Ratio::to_f64);
                Need {
                    exact: ratio,
                    value,
                    whole: ratio.map_or_else(|| ceil_whole(value), |r| r.ceil() as f64),
                }
            }
        }
    }

    /// The need in whole units, rounded up at every stage (see `plan::needs_by_stage`).
    #[allow(
        clippy::cast_precision_loss,
        reason = "needs above 2^53 are shown approximately"
    )]
    fn whole_need(&self) -> f64 {
        let deals = self
            .target
            .checked_mul(self.deal.1)
            .map(|target| target.div_ceil(self.deal.0));
        let marketing = deals
            .and_then(|d| d.checked_mul(self.share))
            .map(|scaled| scaled.div_ceil(PPM));
        let mut exact = marketing;
        let mut approx = marketing.map_or(f64::INFINITY, |m| m as f64);
        for &rate in self.rates.iter().rev() {
            exact = exact
                .and_then(|below| below.checked_mul(UNIT))
                .map(|scaled| scaled.div_ceil(rate));
            approx =
                exact.map_or_else(|| (approx * UNIT as f64 / rate as f64).ceil(), |v| v as f64);
        }
        approx
    }

    /// Whether the need fits `limit_hundredths` (hundredths of a unit): whole units under
    /// stage rounding, the exact value under exact rounding.
    #[allow(
        clippy::cast_precision_loss,
        reason = "needs above 2^53 are compared approximately"
    )]
    fn fits(&self, limit_hundredths: u128) -> bool {
        let need = self.need();
        match (self.rounding, need.exact) {
            (Rounding::Exact, Some(exact)) => exact
                .num
                .checked_mul(100)
                .zip(limit_hundredths.checked_mul(exact.den))
                .map_or(need.value * 100.0 <= limit_hundredths as f64, |(n, l)| {
                    n <= l
                }),
            _ => need.whole * 100.0 <= limit_hundredths as f64,
        }
    }
}

/// Returns what +10 % on each stage rate, the deal size and the traffic does to marketing's
/// lead-stage need and to the forecast revenue.
#[must_use]
#[allow(
    clippy::cast_precision_loss,
    reason = "ratios of whole rates convert exactly enough for a percentage"
)]
pub fn sensitivity(scenario: &Scenario) -> Sensitivity {
    let funnel = &scenario.funnel;
    let count = funnel.stage_count();
    let lead_stage = scenario.costs.lead_stage_in(funnel);
    let inputs = Inputs::new(scenario, lead_stage);
    let now = inputs.need();
    let revenue = scenario.traffic.units() > 0.0 && scenario.deal_size.cents() > 0;
    let mut effects = Vec::with_capacity(count + 1);
    for i in 1..count {
        let ppm = u128::from(funnel.rate_into(i).map_or(1_000_000, Rate::ppm));
        let (old, new) = (ppm * 10, (ppm * 11).min(UNIT));
        let change = (new - old) as f64 / old as f64;
        let changed = (i > lead_stage).then(|| {
            let mut moved = inputs.clone();
            moved.rates[i - lead_stage - 1] = new;
            moved
        });
        effects.push(effect(
            Lever::Rate(i),
            &inputs,
            now,
            changed.as_ref(),
            (old, new),
            revenue.then_some(change),
            new < ppm * 11,
        ));
    }
    let mut bigger_deal = inputs.clone();
    bigger_deal.deal = (inputs.deal.0 * 11, inputs.deal.1 * 10);
    effects.push(effect(
        Lever::DealSize,
        &inputs,
        now,
        Some(&bigger_deal),
        (10, 11),
        revenue.then_some(0.1),
        false,
    ));
    effects.push(effect(
        Lever::Traffic,
        &inputs,
        now,
        None,
        (1, 1),
        revenue.then_some(0.1),
        false,
    ));
    let order = |e: &Effect| {
        (
            e.lead_change.unwrap_or(0.0),
            -e.revenue_change.unwrap_or(0.0),
        )
    };
    effects.sort_by(|a, b| {
        order(a)
            .partial_cmp(&order(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    Sensitivity {
        effects,
        lead_stage,
        leads: now.whole,
        steps: count - 1,
        steps_below_lead: count - 1 - lead_stage.min(count - 1),
    }
}

/// One lever's effect. `changed` is the inputs with the lever moved (`None`: the lever does
/// not change the lead-stage need), `(old, new)` the lever's values before and after, and
/// `revenue_change` the forecast revenue's relative change.
#[allow(
    clippy::cast_precision_loss,
    reason = "ratios of whole rates convert exactly enough for a percentage"
)]
fn effect(
    lever: Lever,
    inputs: &Inputs,
    now: Need,
    changed: Option<&Inputs>,
    (old, new): (u128, u128),
    revenue_change: Option<f64>,
    capped: bool,
) -> Effect {
    let after = match (changed, inputs.rounding) {
        (None, _) => now,
        // Under exact rounding the need is inversely proportional to the lever.
        (Some(_), Rounding::Exact) => {
            let exact = now.exact.and_then(|r| r.times(old, new));
            let value = exact.map_or(now.value * old as f64 / new as f64, Ratio::to_f64);
            Need {
                exact,
                value,
                whole: exact.map_or_else(|| ceil_whole(value), |r| r.ceil() as f64),
            }
        }
        (Some(moved), Rounding::Stage) => moved.need(),
    };
    let lead_change = (now.value > 0.0).then(|| match (changed, inputs.rounding) {
        (None, _) => 0.0,
        (Some(_), Rounding::Exact) => old as f64 / new as f64 - 1.0,
        (Some(_), Rounding::Stage) => after.value / now.value - 1.0,
    });
    Effect {
        lever,
        lead_change,
        leads_fewer: now.whole - after.whole,
        revenue_change,
        capped,
    }
}

/// Returns, for each rate below the lead stage, the deal size and the marketing share, the
/// value that alone makes marketing's lead-stage need fit `limit`.
///
/// Under exact rounding the need is proportional to each lever (inversely for the rates and
/// the deal size), so the needed values are exact. Under stage rounding they are the smallest
/// rate or deal size (the largest share) whose whole-unit plan fits, found by bisection. The
/// settings are in the plan's precision (ppm, cents), rounded the way that still fits.
#[must_use]
#[allow(
    clippy::cast_precision_loss,
    reason = "needed values are shown to a few decimals"
)]
pub fn solve(scenario: &Scenario, limit: Volume) -> Solve {
    let funnel = &scenario.funnel;
    let lead_stage = scenario.costs.lead_stage_in(funnel);
    let inputs = Inputs::new(scenario, lead_stage);
    let now = inputs.need();
    let limit_hundredths = u128::from(limit.hundredths());
    let units = limit.units();
    let fits = inputs.fits(limit_hundredths);
    if now.whole <= 0.0 {
        return Solve {
            limit: units,
            leads: now.whole,
            fits,
            solutions: Vec::new(),
        };
    }
    let exact = inputs.rounding == Rounding::Exact;
    // Exact rounding: the lever's value times need ÷ limit (or limit ÷ need for the share).
    let proportional = |value: f64, inverse: bool| {
        (units > 0.0).then(|| {
            if inverse {
                value * now.value / units
            } else {
                value * units / now.value
            }
        })
    };
    // Exact rounding: the smallest whole `value × need ÷ limit`, exactly while it fits.
    let scaled_up = |value: u128| {
        now.exact
            .filter(|_| exact && limit_hundredths > 0)
            .and_then(|need| need.times(value.checked_mul(100)?, limit_hundredths))
            .map(Ratio::ceil)
    };
    let mut solutions = Vec::new();
    for (at, &rate) in inputs.rates.iter().enumerate() {
        let stage = lead_stage + 1 + at;
        let ppm = rate / 10;
        let found = match scaled_up(ppm) {
            Some(needed) => Some(needed.max(1)).filter(|&p| p <= PPM),
            None => smallest(1, PPM, |ppm| {
                let mut moved = inputs.clone();
                moved.rates[at] = ppm * 10;
                moved.fits(limit_hundredths)
            }),
        };
        let setting = found
            .and_then(|ppm| Rate::from_ppm(u32::try_from(ppm).ok()?))
            .map(|rate| Setting::Rate(stage, rate));
        let needed = match setting {
            Some(Setting::Rate(_, rate)) if !exact => Some(f64::from(rate.ppm()) / 1e4),
            _ => proportional(ppm as f64 / 1e4, true),
        };
        solutions.push(Solution {
            lever: Lever::Rate(stage),
            needed,
            setting,
        });
    }
    let deal_cents = inputs.deal.0;
    let found = match scaled_up(deal_cents) {
        Some(needed) => Some(needed.max(1)).filter(|&c| c <= MAX_CENTS),
        None => smallest(1, MAX_CENTS, |cents| {
            let mut moved = inputs.clone();
            moved.deal = (cents, 1);
            moved.fits(limit_hundredths)
        }),
    };
    let setting = found
        .and_then(|cents| Money::from_cents(u64::try_from(cents).ok()?))
        .map(Setting::DealSize);
    let needed = match setting {
        Some(Setting::DealSize(deal)) if !exact => Some(deal.to_f64()),
        _ => proportional(deal_cents as f64 / 100.0, true),
    };
    solutions.push(Solution {
        lever: Lever::DealSize,
        needed,
        setting,
    });
    solutions.push(share_solution(&inputs, now, limit_hundredths));
    Solve {
        limit: units,
        leads: now.whole,
        fits,
        solutions,
    }
}

/// The largest marketing share that fits the limit (a smaller share always fits better).
#[allow(
    clippy::cast_precision_loss,
    reason = "needed values are shown to a few decimals"
)]
fn share_solution(inputs: &Inputs, now: Need, limit_hundredths: u128) -> Solution {
    let exact = inputs.rounding == Rounding::Exact;
    let found = now
        .exact
        .filter(|_| exact)
        .and_then(|need| {
            // share × limit ÷ need, rounded down: need × 100 ÷ (share × limit) inverted.
            let scaled = need.times(100, limit_hundredths.checked_mul(inputs.share)?)?;
            (scaled.num > 0).then(|| (scaled.den / scaled.num).min(PPM))
        })
        .or_else(|| {
            largest(0, PPM, |ppm| {
                let mut moved = inputs.clone();
                moved.share = ppm;
                moved.fits(limit_hundredths)
            })
        });
    let setting = found
        .and_then(|ppm| Share::from_ppm(u32::try_from(ppm).ok()?))
        .map(Setting::Share);
    let needed = match setting {
        Some(Setting::Share(share)) if !exact => Some(f64::from(share.ppm()) / 1e4),
        _ => (limit_hundredths > 0).then(|| {
            (inputs.share as f64 / 1e4 * limit_hundredths as f64 / 100.0 / now.value).min(100.0)
        }),
    };
    Solution {
        lever: Lever::Share,
        needed,
        setting,
    }
}

/// The smallest value in `low..=high` for which `fits` holds, when `fits` holds for every value
/// above any that fits; `None` when even `high` does not fit.
fn smallest(mut low: u128, mut high: u128, fits: impl Fn(u128) -> bool) -> Option<u128> {
    if !fits(high) {
        return None;
    }
    while low < high {
        let middle = low + (high - low) / 2;
        if fits(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    Some(high)
}

/// The largest value in `low..=high` for which `fits` holds, when `fits` holds for every value
/// below any that fits; `None` when even `low` does not fit.
fn largest(mut low: u128, mut high: u128, fits: impl Fn(u128) -> bool) -> Option<u128> {
    if !fits(low) {
        return None;
    }
    while low < high {
        let middle = low + (high - low).div_ceil(2);
        if fits(middle) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    Some(low)
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the arithmetic under test is exact")]
mod tests {
    use super::*;
    use crate::codec::link::{self, LinkParams};
    use crate::model::{YearMonth, compute};

    /// The scenario a link opens on 2026-11-23.
    fn open(fragment: &str) -> Scenario {
        let decoded = link::decode(
            &LinkParams::parse(fragment),
            YearMonth::new(2026, 11).unwrap(),
        );
        assert_eq!(decoded.problems, [], "{fragment}");
        decoded.scenario
    }

    fn effect(sensitivity: &Sensitivity, lever: Lever) -> &Effect {
        sensitivity
            .effects
            .iter()
            .find(|e| e.lever == lever)
            .unwrap()
    }

    const DEFAULT: &str = "quota=1000000&deal=25000&traffic=200000\
         &stages=Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20";

    #[test]
    fn exact_rounding_moves_leads_by_exactly_one_over_one_point_one() {
        // 40 deals ÷ 20 % ÷ 60 % ÷ 40 % ÷ 20 % = 4,166.67 leads (4,167 shown).
        let s = sensitivity(&open(&format!("{DEFAULT}&round=exact")));
        assert_eq!(
            (s.lead_stage, s.leads, s.steps, s.steps_below_lead),
            (1, 4167.0, 5, 4)
        );
        for i in 2..=5 {
            let e = effect(&s, Lever::Rate(i));
            assert!(
                (e.lead_change.unwrap() - (1.0 / 1.1 - 1.0)).abs() < 1e-15,
                "{e:?}"
            );
            // 4,166.67 ÷ 1.1 = 3,787.88: 3,788 shown, 379 fewer.
            assert_eq!(e.leads_fewer, 379.0);
            assert!((e.revenue_change.unwrap() - 0.1).abs() < 1e-12);
        }
        // Visitors → Leads is above the lead stage: traffic changes, leads do not.
        assert_eq!(effect(&s, Lever::Rate(1)).lead_change, Some(0.0));
        assert_eq!(effect(&s, Lever::Traffic).lead_change, Some(0.0));
        assert_eq!(effect(&s, Lever::Traffic).leads_fewer, 0.0);
        let deal = effect(&s, Lever::DealSize);
        assert!((deal.lead_change.unwrap() - (1.0 / 1.1 - 1.0)).abs() < 1e-15);
        // Ranked: the levers that cut leads first (stage order among equals), then the rest.
        let order: Vec<Lever> = s.effects.iter().map(|e| e.lever).collect();
        assert_eq!(
            order[..5],
            [2, 3, 4, 5]
                .map(Lever::Rate)
                .into_iter()
                .chain([Lever::DealSize])
                .collect::<Vec<_>>()[..]
        );
    }

    #[test]
    fn stage_rounding_shows_what_the_whole_unit_plan_gives() {
        let scenario = open(DEFAULT);
        let s = sensitivity(&scenario);
        // The plan's own headline.
        assert_eq!(s.leads, compute(&scenario).stages[1].marketing);
        assert_eq!(s.leads, 4175.0);
        // Won at 22 %: ⌈40 ÷ 0.22⌉ = 182, ⌈182 ÷ 0.6⌉ = 304, 304 ÷ 0.4 = 760, 760 ÷ 0.2 = 3,800.
        let won = effect(&s, Lever::Rate(5));
        assert_eq!(won.leads_fewer, 375.0);
        assert!((won.lead_change.unwrap() - (3800.0 / 4175.0 - 1.0)).abs() < 1e-15);
        // Every lever's whole-unit figure is what the plan gives with that lever moved.
        let mut moved = scenario.clone();
        moved.funnel = moved.funnel.with_rate(5, Rate::from_ppm(220_000).unwrap());
        assert_eq!(compute(&moved).stages[1].marketing, 3800.0);
        // The deal size: 27,500 needs ⌈1,000,000 ÷ 27,500⌉ = 37 deals.
        moved = scenario.clone();
        moved.deal_size = Money::from_units(27_500).unwrap();
        let deal = effect(&s, Lever::DealSize);
        assert_eq!(
            s.leads - deal.leads_fewer,
            compute(&moved).stages[1].marketing
        );
    }

    #[test]
    fn a_rate_at_100_percent_is_capped() {
        let s = sensitivity(&open(
            "quota=1000000&deal=25000&stages=Visitors,Leads:2,MQLs:95,Won:100",
        ));
        let won = effect(&s, Lever::Rate(3));
        assert!(won.capped);
        assert_eq!(won.lead_change, Some(0.0));
        assert_eq!(won.revenue_change, Some(0.0));
        let mql = effect(&s, Lever::Rate(2));
        assert!(mql.capped);
        // 95 % can rise only to 100 %: leads × 0.95.
        assert!((mql.revenue_change.unwrap() - (1.0 / 0.95 - 1.0)).abs() < 1e-12);
    }

    #[test]
    fn nothing_is_changed_when_nothing_is_needed() {
        let s = sensitivity(&open(
            &DEFAULT.replace("traffic=200000", "traffic=0&existing=1000000"),
        ));
        assert_eq!(s.leads, 0.0);
        assert!(
            s.effects
                .iter()
                .all(|e| e.lead_change.is_none() && e.revenue_change.is_none())
        );
    }

    /// Checks that every setting fits the limit and the next step past it does not.
    fn check_settings(scenario: &Scenario, limit: u32) -> Solve {
        let solve = solve(scenario, Volume::from_units(u64::from(limit)).unwrap());
        let lead = scenario.costs.lead_stage_in(&scenario.funnel);
        let need = |s: &Scenario| {
            let exact = Inputs::new(s, lead).need();
            if s.rounding == Rounding::Exact {
                exact.value
            } else {
                exact.whole
            }
        };
        assert!(need(scenario) > 0.0);
        for solution in &solve.solutions {
            let Some(setting) = solution.setting else {
                continue;
            };
            let (mut at, mut past) = (scenario.clone(), scenario.clone());
            match setting {
                Setting::Rate(i, rate) => {
                    at.funnel = at.funnel.with_rate(i, rate);
                    if let Some(lower) = Rate::from_ppm(rate.ppm() - 1) {
                        past.funnel = past.funnel.with_rate(i, lower);
                    }
                }
                Setting::DealSize(deal) => {
                    at.deal_size = deal;
                    past.deal_size = Money::from_cents(deal.cents() - 1).unwrap();
                }
                Setting::Share(share) => {
                    at.marketing_share = share;
                    past.marketing_share = Share::from_ppm(share.ppm() + 1).unwrap_or(share);
                }
            }
            assert!(need(&at) <= f64::from(limit), "{setting:?} does not fit");
            if past != at {
                assert!(
                    need(&past) > f64::from(limit),
                    "{setting:?} is not the best"
                );
            }
        }
        solve
    }

    #[test]
    fn solving_for_a_limit_under_exact_rounding_is_exact() {
        let scenario = open(&format!("{DEFAULT}&round=exact"));
        let solve = check_settings(&scenario, 3000);
        assert!(!solve.fits);
        assert_eq!(solve.solutions.len(), 6);
        let needed: Vec<f64> = solve.solutions.iter().map(|s| s.needed.unwrap()).collect();
        // Won: 20 % × 4,166.67 ÷ 3,000 = 27.78 %; the deal 25,000 × 4,166.67 ÷ 3,000; the
        // share 100 % × 3,000 ÷ 4,166.67 = 72 %.
        assert!((needed[3] - 20.0 * (12_500.0 / 3.0) / 3000.0).abs() < 1e-9);
        assert!((needed[4] - 25_000.0 * (12_500.0 / 3.0) / 3000.0).abs() < 1e-6);
        assert!((needed[5] - 72.0).abs() < 1e-9);
        assert_eq!(
            solve.solutions[3].setting,
            Some(Setting::Rate(5, Rate::from_ppm(277_778).unwrap()))
        );
        assert_eq!(
            solve.solutions[5].setting,
            Some(Setting::Share(Share::from_ppm(720_000).unwrap()))
        );
    }

    #[test]
    fn solving_under_stage_rounding_finds_the_smallest_whole_unit_plan() {
        for link in [
            DEFAULT,
            "quota=24000000&deal=30000&stages=Visitors,Leads:3,MQLs:40,SQLs:50,Discovery:70,Demo:60,Won:90&share=60",
        ] {
            let scenario = open(link);
            for limit in [1, 500, 3000, 4174, 4175, 100_000] {
                check_settings(&scenario, limit);
            }
        }
    }

    #[test]
    fn a_rate_above_100_percent_is_not_reachable() {
        // Marketing needs 4,175 leads; at 100 leads MQLs → SQLs would need 40 % × 41.75.
        let solve = solve(&open(DEFAULT), Volume::from_units(100).unwrap());
        let sqls = &solve.solutions[1];
        assert_eq!(sqls.lever, Lever::Rate(3));
        assert_eq!(sqls.setting, None);
        assert!(sqls.needed.unwrap() > 100.0);
        // A limit of 0: no rate or deal size will do; a share of 0 % does.
        let zero = super::solve(&open(DEFAULT), Volume::from_units(0).unwrap());
        assert!(
            zero.solutions[..5]
                .iter()
                .all(|s| s.setting.is_none() && s.needed.is_none())
        );
        assert_eq!(zero.solutions[5].setting, Some(Setting::Share(Share::NONE)));
    }

    #[test]
    fn a_plan_that_fits_can_loosen_each_lever() {
        let solve = solve(
            &open(&format!("{DEFAULT}&round=exact")),
            Volume::from_units(5000).unwrap(),
        );
        assert!(solve.fits);
        // Won could fall to 20 % × 4,166.67 ÷ 5,000 = 16.67 %; the share could rise to 100 %.
        assert!((solve.solutions[3].needed.unwrap() - 50.0 / 3.0).abs() < 1e-9);
        assert_eq!(solve.solutions[5].needed, Some(100.0));
    }
}
