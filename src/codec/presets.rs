//! Presets: published starting points for a plan, each with its stage names, rates, deal
//! size, sales cycle and cost per lead, and the sources they come from.
//!
//! A preset is written as link parameters, so it is read by the same rules as any link and
//! can never hold a value a link could not. Applying one keeps the plan's own targets (quota,
//! period, first month, currency, existing revenue, sourcing share, team and planned traffic)
//! and replaces what the preset is about. Like the field table, each preset's row holds its
//! own words: its name and its source note.

use super::link::{self, LinkParams};
use crate::model::{Local, Scenario};

/// A published starting point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// The preset's name, as the menu shows it.
    pub name: &'static str,
    /// The preset's parameters, written as a link writes them.
    pub link: &'static str,
    /// Where the figures come from, and which are only illustrative.
    pub source: &'static str,
}

/// Link parameters a preset replaces, besides its own: its stages come without ranges, the
/// channels would override its cost per lead, and stage choices and days per step belong to
/// the old stages.
const RESET: [&str; 10] = [
    "stages",
    "deal",
    "deallow",
    "dealhigh",
    "cycle",
    "cpl",
    "leadstage",
    "handoff",
    "stagedays",
    "channels",
];

/// The presets, in the menu's order (sources: `shared/benchmark-rates.md`, gathered 2026-11).
pub const PRESETS: [Preset; 7] = [
    Preset {
        name: "B2B SaaS, SMB",
        link: "stages=Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20\
               &deal=15000&cycle=30&cpl=100&leadstage=1",
        source: "Rates: the B2B SaaS medians quoted from First Page Sage (visitor\u{2192}lead 2 %, \
                 lead\u{2192}MQL 20 %, MQL\u{2192}SQL 40 %, SQL\u{2192}opportunity 60 %, \
                 won 20 %). Deal size and 30-day cycle: thecroreport\u{2019}s SMB band ($5\u{2013}25 K, \
                 14\u{2013}30 days). Cost per lead: B2B SaaS $30\u{2013}150 (optif.ai citing HubSpot 2024).",
    },
    Preset {
        name: "B2B SaaS, mid-market",
        link: "stages=Visitors,Leads:2,MQLs:15,SQLs:30,Opportunities:40,Won:25\
               &deal=50000&cycle=60&cpl=150&leadstage=1",
        source: "Rates: the classic B2B base case of demgr/b2b-funnel-planner (touch\u{2192}lead 2 %, \
                 lead\u{2192}MQL 15 %, MQL\u{2192}SQL 30 %, SQL\u{2192}opportunity 40 %, won 25 %). \
                 Deal size and 60-day cycle: thecroreport\u{2019}s mid-market band ($25\u{2013}100 K, \
                 30\u{2013}90 days). Cost per lead: the top of B2B SaaS $30\u{2013}150 (optif.ai).",
    },
    Preset {
        name: "B2B SaaS, enterprise",
        link: "stages=Visitors,Leads:1,MQLs:25,SQLs:60,Opportunities:35,Won:18\
               &deal=150000&cycle=120&cpl=200&leadstage=1",
        source: "Rates: the enterprise base case of demgr/b2b-funnel-planner (touch\u{2192}lead 1 %, \
                 lead\u{2192}MQL 25 %, MQL\u{2192}SQL 60 %, SQL\u{2192}opportunity 35 %, won 18 %). \
                 Deal size and 120-day cycle: thecroreport\u{2019}s enterprise band ($100 K+, \
                 90\u{2013}180 days). Cost per lead: LinkedIn $40\u{2013}200+ (b2blead.io).",
    },
    Preset {
        name: "Product-led",
        link: "stages=Visitors,Sign-ups:5,PQLs:15,SQLs:40,Opportunities:45,Won:20\
               &deal=10000&cycle=21&cpl=40&leadstage=1",
        source: "Rates: the product-led base case of demgr/b2b-funnel-planner (touch\u{2192}lead 5 %, \
                 lead\u{2192}qualified 15 %, qualified\u{2192}SQL 40 %, SQL\u{2192}opportunity 45 %, \
                 won 20 %). Deal size and 21-day cycle: inside thecroreport\u{2019}s SMB band. Cost per \
                 sign-up: SEO/content $20\u{2013}50 (optif.ai citing HubSpot 2024).",
    },
    Preset {
        name: "E-commerce",
        link: "stages=Sessions,Add to cart:7.1,Orders:30&deal=100&cycle=0&cpl=1&leadstage=0",
        source: "Rates: global add-to-cart rate 7.1 % and cart abandonment 70.19 %, so about 30 % \
                 of carts become orders (fero.com). The order value (100) and the cost per \
                 session (1.00) are illustrative only: no published figure is held for them. \
                 Put in your own.",
    },
    Preset {
        name: "Agency / services",
        link: "stages=Visitors,Inquiries:2.4,Qualified leads:20,Proposals:60,Won:20\
               &deal=15000&cycle=30&cpl=100&leadstage=1",
        source: "No services-specific benchmark is held, so these are the closest published figures: \
                 landing-page conversion 2.4 % (Klipfolio), then the B2B SaaS medians from First \
                 Page Sage for qualification 20 %, proposal 60 % and won 20 %. Deal size, cycle and \
                 cost per lead as for SMB (thecroreport; optif.ai).",
    },
    Preset {
        name: "Demand waterfall",
        link: "stages=Visitors,Inquiries:2,MQLs:15,SALs:50,SQLs:60,Won:25\
               &deal=25000&cycle=84&cpl=100&leadstage=1",
        source: "Inquiry\u{2192}MQL 10\u{2013}25 %, MQL\u{2192}SAL 40\u{2013}60 %, SAL\u{2192}SQL \
                 50\u{2013}70 % and SQL\u{2192}won 20\u{2013}30 % (mv3marketing), taken at 15, 50, 60 and \
                 25 %; visitor\u{2192}inquiry 2 % (First Page Sage). The 84-day cycle is the median B2B \
                 cycle (getgangly, citing Optifai 2025). Deal size illustrative; cost per inquiry \
                 within B2B SaaS $30\u{2013}150 (optif.ai).",
    },
];

/// Returns `base` with `preset`'s stages, rates, deal size, sales cycle and cost per lead, and
/// without what belonged to the old stages (ranges, channels, stage choices, days per step).
/// Everything else stays as `base` has it.
#[must_use]
pub fn apply(preset: &Preset, base: &Scenario, local: impl Into<Local>) -> Scenario {
    let own = LinkParams::parse(&link::encode(base));
    let given = LinkParams::parse(preset.link);
    let pairs: Vec<(&str, &str)> = own
        .pairs()
        .filter(|(key, _)| !RESET.contains(key))
        .chain(given.pairs())
        .collect();
    let params = LinkParams::from_pairs(pairs);
    link::decode(&params, local).scenario
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rounding, YearMonth, compute};

    fn local() -> Local {
        Local::from(YearMonth::new(2026, 11).unwrap())
    }

    #[test]
    fn every_preset_reads_without_a_problem() {
        for preset in &PRESETS {
            let decoded = link::decode(&LinkParams::parse(preset.link), local());
            assert_eq!(decoded.problems, [], "{}", preset.name);
            assert!(preset.source.len() > 40, "{} cites its source", preset.name);
            let plan = compute(&decoded.scenario);
            assert!(
                plan.stages.iter().all(|s| s.forecast.is_finite()),
                "{}",
                preset.name
            );
        }
    }

    #[test]
    fn a_preset_replaces_its_own_parameters_and_keeps_the_plans_targets() {
        let mut base = link::decode(
            &LinkParams::parse(
                "quota=2000000&deal=30000&period=year&start=2027-01&traffic=90000&share=70\
                 &round=exact&stages=A,B:10:5:20,C:30,D:40&channels=Search:60:50,Content:40:80\
                 &stagedays=3,4",
            ),
            local(),
        )
        .scenario;
        base.currency = crate::model::Currency::parse("EUR").unwrap();
        let waterfall = PRESETS
            .iter()
            .find(|p| p.name == "Demand waterfall")
            .unwrap();
        let applied = apply(waterfall, &base, local());
        let names: Vec<&str> = applied
            .funnel
            .names()
            .map(crate::model::StageName::as_str)
            .collect();
        assert_eq!(
            names,
            ["Visitors", "Inquiries", "MQLs", "SALs", "SQLs", "Won"]
        );
        let preset_only = link::decode(&LinkParams::parse(waterfall.link), local()).scenario;
        assert_eq!(applied.funnel, preset_only.funnel);
        assert_eq!(applied.deal_size, preset_only.deal_size);
        assert_eq!(
            applied.costs, preset_only.costs,
            "cost per lead set, channels gone"
        );
        assert_eq!(applied.timing.cycle_days, 84);
        // The plan's own targets stay.
        assert_eq!(applied.quota, base.quota);
        assert_eq!(applied.period, base.period);
        assert_eq!(applied.traffic, base.traffic);
        assert_eq!(applied.currency, base.currency);
        assert_eq!(applied.rounding, Rounding::Exact);
        assert_eq!(applied.timing.start, base.timing.start);
    }
}
