//! Arbitrary valid scenarios for property tests of the codecs (test builds only).

use proptest::prelude::*;

use crate::model::uncertainty::{Bounds, Draws, Uncertainty};
use crate::model::{
    Attainment, Channel, Costs, Existing, Funnel, Handoff, Money, Period, Rate, Reps, Rounding,
    Scenario, Season, Share, StageName, Step, Team, Timing, Volume, YearMonth,
};

/// A stage or channel name, including characters links must escape.
fn name() -> impl Strategy<Value = StageName> {
    "[A-Za-z0-9 ,:&%+=#?/\u{e9}\u{4e2d}-]{1,20}"
        .prop_filter_map("valid name", |text| StageName::new(&text).ok())
}

/// Channels whose shares total 100 %, or none.
fn channels() -> impl Strategy<Value = Vec<Channel>> {
    proptest::collection::vec((name(), 1u32..=1_000, 0u64..=100_000_000), 0..4).prop_map(|raw| {
        let total: u32 = raw.iter().map(|(_, weight, _)| weight).sum();
        let mut left = 1_000_000u32;
        let count = raw.len();
        raw.into_iter()
            .enumerate()
            .map(|(index, (name, weight, cents))| {
                let ppm = if index + 1 == count {
                    left
                } else {
                    u32::try_from(u64::from(weight) * 1_000_000 / u64::from(total)).unwrap()
                };
                left -= ppm;
                Channel {
                    name,
                    share: Share::from_ppm(ppm).unwrap(),
                    cost_per_lead: Money::from_cents(cents).unwrap(),
                }
            })
            .collect()
    })
}

/// A team of one to four cohorts, ramped or ramping.
fn reps() -> impl Strategy<Value = Reps> {
    proptest::collection::vec((0u64..=100_000_000, 0u32..=1_000_000), 1..5).prop_map(|cohorts| {
        let text: Vec<String> = cohorts
            .iter()
            .map(|&(hundredths, ramp)| {
                format!(
                    "{}@{}",
                    Volume::from_hundredths(hundredths).unwrap().to_plain(),
                    crate::model::rate::ppm_percent_plain(ramp)
                )
            })
            .collect();
        Reps::parse(&text.join(",")).unwrap()
    })
}

/// Any listed currency, picked by a number the generator already draws, so its tuples stay
/// within proptest's limits.
fn currency_for(seed: u64) -> crate::model::Currency {
    crate::model::currency::codes()
        .nth(usize::try_from(seed).unwrap() % crate::model::currency::codes().count())
        .and_then(|code| crate::model::Currency::parse(code).ok())
        .unwrap()
}

/// Any valid scenario.
#[allow(
    clippy::too_many_lines,
    reason = "one generator per input of the scenario"
)]
pub fn scenario() -> impl Strategy<Value = Scenario> {
    let money = || 0u64..=1_000_000_000_000_000;
    let core = (
        money(),
        1u64..=1_000_000_000_000_000,
        money(),
        name(),
        proptest::collection::vec((name(), 1u32..=1_000_000, any::<(u8, u32, u32)>()), 1..20),
        any::<bool>(),
        0usize..3,
    );
    let team = (money(), 0u32..=1_000_000, reps(), money(), 1u32..=2_000_000);
    let costs = (
        proptest::option::of(0usize..20),
        money(),
        channels(),
        proptest::option::of(money()),
        proptest::option::of(0u64..=10_000_000),
    );
    let timing = (
        0u32..=1_000,
        0u32..=3_650,
        proptest::option::of(proptest::collection::vec(0u32..=100_000, 12)),
        proptest::option::of(proptest::collection::vec(0u32..=3_650, 19)),
        proptest::option::of(0usize..20),
        1u32..=720,
        proptest::option::of(0u64..=100_000),
    );
    let uncertainty = (
        any::<(u8, u64, u64)>(),
        proptest::option::of(Draws::MIN..=Draws::MAX),
    );
    (core, team, costs, timing, uncertainty).prop_map(|(core, team, costs, timing, extra)| {
        let (quota, deal, traffic, top, steps, exact, period) = core;
        let steps: Vec<Step> = steps
            .into_iter()
            .map(|(name, ppm, (which, low, high))| Step {
                name,
                rate: Rate::from_ppm(ppm).unwrap(),
                bounds: Bounds {
                    low: (which & 1 == 1).then(|| Rate::from_ppm(1 + low % ppm).unwrap()),
                    high: (which & 2 == 2)
                        .then(|| Rate::from_ppm(ppm + high % (1_000_001 - ppm)).unwrap()),
                },
            })
            .collect();
        let ((which, low, high), draws) = extra;
        let deal_bounds = Bounds {
            low: (which & 1 == 1).then(|| Money::from_cents(1 + low % deal).unwrap()),
            high: (which & 2 == 2)
                .then(|| Money::from_cents(deal + high % (1_000_000_000_000_001 - deal)).unwrap()),
        };
        let count = steps.len() + 1;
        let (existing, share, reps, rep_quota, attain) = team;
        let (lead_stage, cpl, channels, cap, lead_limit) = costs;
        let (start, cycle, season, stage_days, handoff, followup, fte) = timing;
        // Days per stage, one per step from the lead stage to Won (links write no others).
        let lead_stage = lead_stage.filter(|&s| s < count);
        let to_won = count - 1 - lead_stage.unwrap_or(usize::from(count >= 3));
        let stage_days = stage_days
            .filter(|_| to_won > 0)
            .map(|days| days[..to_won].to_vec());
        let season = season.and_then(|weights| {
            let text: Vec<String> = weights
                .iter()
                .map(|&h| Volume::from_hundredths(u64::from(h)).unwrap().to_plain())
                .collect();
            Season::parse(&text.join(",")).ok()
        });
        Scenario {
            quota: Money::from_cents(quota).unwrap(),
            deal_size: Money::from_cents(deal).unwrap(),
            traffic: Volume::from_hundredths(traffic).unwrap(),
            funnel: Funnel::new(top, steps).unwrap(),
            rounding: if exact {
                Rounding::Exact
            } else {
                Rounding::Stage
            },
            period: Period::ALL[period],
            existing: if existing % 3 == 0 {
                Existing::ShareOfQuota(
                    Share::from_ppm(u32::try_from(existing % 1_000_001).unwrap()).unwrap(),
                )
            } else {
                Existing::Amount(Money::from_cents(existing).unwrap())
            },
            marketing_share: Share::from_ppm(share).unwrap(),
            team: Team {
                reps,
                rep_quota: Money::from_cents(rep_quota).unwrap(),
                attainment: Attainment::parse_percent(&crate::model::rate::ppm_percent_plain(
                    attain,
                ))
                .unwrap(),
            },
            costs: Costs {
                lead_stage,
                cost_per_lead: Money::from_cents(cpl).unwrap(),
                channels,
                cap: cap.map(|c| Money::from_cents(c).unwrap()),
                lead_limit: lead_limit.map(|h| Volume::from_hundredths(h).unwrap()),
            },
            timing: Timing {
                start: YearMonth::new(2000, 1)
                    .unwrap()
                    .add_months(i32::try_from(start).unwrap())
                    .unwrap(),
                cycle_days: cycle,
                season,
                stage_days,
            },
            handoff: Handoff {
                stage: handoff.filter(|&s| s < count),
                followup_hours: followup,
                fte_reps: fte.map(|h| Volume::from_hundredths(h).unwrap()),
            },
            currency: currency_for(quota),
            uncertainty: Uncertainty {
                deal: deal_bounds,
                draws: draws.map(|d| Draws::new(d).unwrap()),
            },
        }
    })
}
