//! A scenario: every assumption a planner enters, validated.

use std::fmt;

use super::amount::{Money, Volume};
use super::assumptions::{Costs, Handoff, Team, Timing};
use super::currency::Currency;
use super::number::NumberError;
use super::period::{Period, YearMonth};
use super::rate::{Rate, Share};
use super::stage::{Funnel, StageName, Step};
use super::uncertainty::Uncertainty;

/// How needed volumes are rounded to whole units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// Whole units at every stage, each computed from the already rounded-up stage below,
    /// so every row checks by hand against the row below it.
    #[default]
    Stage,
    /// Exact values carried all the way up, each rounded up only for display.
    Exact,
}

impl Rounding {
    /// Both rules, in the order a menu lists them.
    pub const ALL: [Self; 2] = [Self::Stage, Self::Exact];

    /// Returns the rule's name as links write it: `stage` or `exact`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stage => "stage",
            Self::Exact => "exact",
        }
    }

    /// Reads a rule's name as links write it, or `None` for any other text.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|rule| rule.as_str() == name)
    }

    /// Returns a short label for a menu.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Stage => "Whole units at every stage",
            Self::Exact => "Exact values, rounded up for display",
        }
    }

    /// Returns the rule in plain words, as shown next to the results.
    #[must_use]
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Stage => {
                "Deals needed = quota \u{f7} deal size, rounded up. Each stage above = the \
                 stage below \u{f7} its conversion rate, rounded up to a whole unit, so every \
                 row checks by hand against the row below it."
            }
            Self::Exact => {
                "Exact values are carried from the quota all the way up; each stage is rounded \
                 up to a whole unit only for display, so figures can be a little lower than \
                 under whole-unit rounding."
            }
        }
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every assumption of a plan for one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Revenue to close in the period.
    pub quota: Money,
    /// Average revenue of one closed-won deal; above zero.
    pub deal_size: Money,
    /// Planned volume entering the top stage in the period, for the forecast.
    pub traffic: Volume,
    /// The stages, top first; the last is closed-won deals.
    pub funnel: Funnel,
    /// How needed volumes are rounded.
    pub rounding: Rounding,
    /// The period the quota is for.
    pub period: Period,
    /// Revenue expected in the period from existing customers (renewals, upsell).
    pub existing: Existing,
    /// Share of new deals that marketing sources; the rest is sales-sourced.
    pub marketing_share: Share,
    /// The sales team.
    pub team: Team,
    /// Marketing costs and channels.
    pub costs: Costs,
    /// The period's first month, sales cycle and seasonality.
    pub timing: Timing,
    /// The marketing-to-sales handoff.
    pub handoff: Handoff,
    /// The currency every amount is in. Amounts are never converted.
    pub currency: Currency,
    /// The deal size's range and the Monte Carlo draws (the rates' ranges are in the funnel).
    pub uncertainty: Uncertainty,
}

/// When and where a plan is opened: what its defaults depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Local {
    /// This month: the default period is the next one that has not started.
    pub today: YearMonth,
    /// The currency of the reader's region, for plans that do not name one.
    pub currency: Currency,
}

impl From<YearMonth> for Local {
    fn from(today: YearMonth) -> Self {
        Self {
            today,
            currency: Currency::default(),
        }
    }
}

impl Scenario {
    /// Returns the default quota: 1,000,000.
    #[must_use]
    pub fn default_quota() -> Money {
        Money::from_cents(100_000_000).unwrap_or_else(|| unreachable!("below the maximum"))
    }

    /// Returns the default average deal size: 25,000.
    #[must_use]
    pub fn default_deal_size() -> Money {
        Money::from_cents(2_500_000).unwrap_or_else(|| unreachable!("below the maximum"))
    }

    /// Returns the default planned traffic: 200,000 visitors.
    #[must_use]
    pub fn default_traffic() -> Volume {
        Volume::from_units(200_000).unwrap_or_else(|| unreachable!("within bounds"))
    }

    /// Returns the default funnel, the median business-to-business rates the team collected (see the README):
    /// Visitors, Leads 2 %, MQLs 20 %, SQLs 40 %, Opportunities 60 %, Won 20 %.
    #[must_use]
    pub fn default_funnel() -> Funnel {
        let stage = |name: &str| StageName::new(name).unwrap_or_else(|_| unreachable!("valid"));
        let step = |name: &str, percent: u32| {
            Step::new(
                stage(name),
                Rate::from_ppm(percent * 10_000).unwrap_or_else(|| unreachable!("valid")),
            )
        };
        let steps = vec![
            step("Leads", 2),
            step("MQLs", 20),
            step("SQLs", 40),
            step("Opportunities", 60),
            step("Won", 20),
        ];
        Funnel::new(stage("Visitors"), steps).unwrap_or_else(|_| unreachable!("six stages"))
    }
}

impl Scenario {
    /// Returns the default scenario for a plan made at `local` (a month, or a month and the
    /// reader's currency): every default above, the next quarter that has not started (on
    /// 2026-11-23, 2027-01 to 2027-03), and the reader's currency (US dollars for a month
    /// alone).
    #[must_use]
    pub fn starting(local: impl Into<Local>) -> Self {
        let Local { today, currency } = local.into();
        let period = Period::default();
        Self {
            quota: Self::default_quota(),
            deal_size: Self::default_deal_size(),
            traffic: Self::default_traffic(),
            funnel: Self::default_funnel(),
            rounding: Rounding::default(),
            period,
            existing: Existing::Amount(
                Money::from_cents(0).unwrap_or_else(|| unreachable!("zero")),
            ),
            marketing_share: Share::ALL,
            team: Team::default(),
            costs: Costs::default(),
            timing: Timing::starting(today.next_period_start(period)),
            handoff: Handoff::default(),
            currency,
            uncertainty: Uncertainty::default(),
        }
    }

    /// Returns the revenue from existing customers as an amount.
    #[must_use]
    pub fn existing_amount(&self) -> Money {
        self.existing.amount(self.quota)
    }

    /// Returns the revenue new business must bring: quota − existing revenue, never below 0.
    #[must_use]
    pub fn new_business_target(&self) -> Money {
        Money::from_cents(
            self.quota
                .cents()
                .saturating_sub(self.existing_amount().cents()),
        )
        .unwrap_or(self.quota)
    }
}

/// Revenue expected from existing customers: an amount, or a share of the quota (`30%`), which
/// follows the quota when it changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// A fixed amount.
    Amount(Money),
    /// A share of the quota, 0 to 100 %.
    ShareOfQuota(Share),
}

impl Existing {
    /// Reads an amount (`300,000`, `300k`) or a share of the quota (`30%`, `30 %`).
    ///
    /// # Errors
    /// Returns why the text is neither.
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        if text.trim_end().ends_with('%') {
            Share::parse_percent(text).map(Self::ShareOfQuota)
        } else {
            Money::parse(text).map(Self::Amount)
        }
    }

    /// The amount it means for a quota: the amount, or quota × share rounded to the cent.
    #[must_use]
    pub fn amount(self, quota: Money) -> Money {
        match self {
            Self::Amount(money) => money,
            Self::ShareOfQuota(share) => {
                let cents = u128::from(quota.cents()) * u128::from(share.ppm());
                let cents = (cents + 500_000) / 1_000_000;
                u64::try_from(cents)
                    .ok()
                    .and_then(Money::from_cents)
                    .unwrap_or(quota)
            }
        }
    }

    /// Writes it as links write it: `300000` or `30%`.
    #[must_use]
    pub fn to_plain(self) -> String {
        match self {
            Self::Amount(money) => money.to_plain(),
            Self::ShareOfQuota(share) => format!("{}%", share.percent_plain()),
        }
    }

    /// Writes it as the field shows it: `300,000` or `30%`.
    #[must_use]
    pub fn to_display(self) -> String {
        match self {
            Self::Amount(money) => money.to_display(),
            Self::ShareOfQuota(share) => format!("{}%", share.percent_plain()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> YearMonth {
        YearMonth::new(2026, 11).unwrap()
    }

    #[test]
    fn default_is_the_b2b_funnel() {
        let scenario = Scenario::starting(today());
        let names: Vec<_> = scenario.funnel.names().map(StageName::as_str).collect();
        assert_eq!(
            names,
            ["Visitors", "Leads", "MQLs", "SQLs", "Opportunities", "Won"]
        );
        let rates: Vec<_> = scenario
            .funnel
            .steps()
            .iter()
            .map(|s| s.rate.ppm())
            .collect();
        assert_eq!(rates, [20_000, 200_000, 400_000, 600_000, 200_000]);
        assert_eq!(scenario.rounding, Rounding::Stage);
        assert_eq!(scenario.period, Period::Quarter);
        assert_eq!(scenario.timing.start, YearMonth::new(2027, 1).unwrap());
        assert_eq!(scenario.marketing_share, Share::ALL);
    }

    #[test]
    fn new_business_target_never_goes_below_zero() {
        let mut scenario = Scenario::starting(today());
        scenario.existing = crate::model::Existing::Amount(Money::from_units(400_000).unwrap());
        assert_eq!(
            scenario.new_business_target(),
            Money::from_units(600_000).unwrap()
        );
        scenario.existing = crate::model::Existing::Amount(Money::from_units(2_000_000).unwrap());
        assert_eq!(scenario.new_business_target().cents(), 0);
    }

    #[test]
    fn rounding_names_round_trip() {
        for rule in Rounding::ALL {
            assert_eq!(Rounding::from_name(rule.as_str()), Some(rule));
        }
        assert_eq!(Rounding::from_name("Stage"), None);
        assert_eq!(Rounding::from_name("up"), None);
    }

    #[test]
    fn existing_revenue_is_an_amount_or_a_share_of_the_quota() {
        let quota = Money::from_units(1_000_000).unwrap();
        let cases = [
            ("300,000", 30_000_000, "300000"),
            ("30%", 30_000_000, "30%"),
            ("33.3333 %", 33_333_300, "33.3333%"),
            ("0%", 0, "0%"),
        ];
        for (text, cents, plain) in cases {
            let existing = Existing::parse(text).unwrap();
            assert_eq!(existing.amount(quota).cents(), cents, "{text}");
            assert_eq!(existing.to_plain(), plain);
            assert_eq!(Existing::parse(&existing.to_plain()), Ok(existing));
        }
        assert!(
            Existing::parse("120%")
                .unwrap_err()
                .to_string()
                .contains("at most 100 %")
        );
        assert!(Existing::parse("abc").is_err());
    }
}
