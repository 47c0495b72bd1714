//! Every input of the planner, declared once.
//!
//! A [`FieldSpec`] holds everything about one input: its name in links, storage and test hooks
//! ([`FieldSpec::key`]), its label and help, how text is read into a [`Scenario`], how the
//! scenario's value is shown in the field and written in links, and the words for an empty
//! optional value. The form, the link and storage codecs, the invalid-field count and the
//! README's tables all derive from [`FIELDS`]; adding an input means adding one entry here,
//! the model field it sets, and the component that shows it.
//!
//! Funnel stages and channels are lists of rows; their cells are addressed by [`FieldKey`]
//! with the same operations, so the form treats every text the same way.

use std::fmt;

use super::amount::{Money, Volume};
use super::assumptions::{self, Season, SeasonError, StageDaysError};
use super::currency::{Currency, CurrencyError};
use super::form::join_days;
use super::number::NumberError;
use super::period::{MonthError, Period, YearMonth};
use super::rate::{Attainment, Rate, Share};
use super::reps::{Reps, RepsError};
use super::scenario::{Existing, Rounding, Scenario};
use super::stage::{NameError, StageName};
use super::uncertainty::{self, BoundError, Bounds, Draws, RangeError, Side};

/// Why a field's text cannot be used, whatever the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// A number, amount or percentage that is not acceptable.
    Number(NumberError),
    /// A calendar month that is not acceptable.
    Month(MonthError),
    /// Seasonality weights that are not acceptable.
    Season(SeasonError),
    /// A stage or channel name that is not acceptable.
    Name(NameError),
    /// A channel name that is not acceptable (the rules of stage names, in channel words).
    ChannelName(NameError),
    /// A team of reps that is not acceptable.
    Reps(RepsError),
    /// Days per stage that are not acceptable.
    StageDays(StageDaysError),
    /// A currency code that is not acceptable.
    Currency(CurrencyError),
    /// A choice outside the menu; holds what the menu offers, as a sentence.
    Choice(String),
    /// A low or high on the wrong side of the value it ranges around.
    Range(RangeError),
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(error) => error.fmt(f),
            Self::Month(error) => error.fmt(f),
            Self::Season(error) => {
                let text = error.to_string();
                let mut chars = text.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase());
                write!(f, "{}{}.", first.unwrap_or_default(), chars.as_str())
            }
            Self::Name(error) => error.fmt(f),
            Self::ChannelName(error) => match error {
                NameError::Empty => f.write_str("Give the channel a name."),
                NameError::TooLong => write!(
                    f,
                    "Keep channel names to {} characters.",
                    super::stage::MAX_NAME_CHARS
                ),
                NameError::Forbidden(c) if c.is_control() || super::stage::is_invisible(*c) => {
                    f.write_str("Channel names cannot contain control or invisible characters.")
                }
                NameError::Forbidden(c) => {
                    write!(f, "Channel names cannot contain \u{201c}{c}\u{201d}.")
                }
            },
            Self::Reps(error) => error.fmt(f),
            Self::StageDays(error) => error.fmt(f),
            Self::Currency(error) => error.fmt(f),
            Self::Choice(reason) => f.write_str(reason),
            Self::Range(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for FieldError {}

impl From<NumberError> for FieldError {
    fn from(error: NumberError) -> Self {
        Self::Number(error)
    }
}

impl From<BoundError> for FieldError {
    fn from(error: BoundError) -> Self {
        match error {
            BoundError::Number(error) => Self::Number(error),
            BoundError::Range(error) => Self::Range(error),
        }
    }
}

impl From<CurrencyError> for FieldError {
    fn from(error: CurrencyError) -> Self {
        Self::Currency(error)
    }
}

impl From<MonthError> for FieldError {
    fn from(error: MonthError) -> Self {
        Self::Month(error)
    }
}

impl From<SeasonError> for FieldError {
    fn from(error: SeasonError) -> Self {
        Self::Season(error)
    }
}

impl From<StageDaysError> for FieldError {
    fn from(error: StageDaysError) -> Self {
        Self::StageDays(error)
    }
}

impl From<RepsError> for FieldError {
    fn from(error: RepsError) -> Self {
        Self::Reps(error)
    }
}

impl From<NameError> for FieldError {
    fn from(error: NameError) -> Self {
        Self::Name(error)
    }
}

/// Every single-value input, in the order links write them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Revenue quota for the period.
    Quota,
    /// Average deal size.
    Deal,
    /// The deal size's low, for the Monte Carlo simulation.
    DealLow,
    /// The deal size's high, for the Monte Carlo simulation.
    DealHigh,
    /// Planned traffic into the top stage.
    Traffic,
    /// Rounding rule (a menu).
    Round,
    /// Planning period (a menu).
    Period,
    /// Revenue from existing customers.
    Existing,
    /// Share of deals marketing sources.
    Share,
    /// Ramped sales reps.
    Reps,
    /// Quota per rep.
    RepQuota,
    /// Expected attainment.
    Attain,
    /// The stage marketing pays for (a menu).
    LeadStage,
    /// Blended cost per lead.
    Cpl,
    /// Budget cap.
    Cap,
    /// The most marketing can deliver at the lead stage.
    Limit,
    /// Monte Carlo draws.
    Draws,
    /// First month of the period.
    Start,
    /// Sales cycle in days.
    Cycle,
    /// Seasonality weights.
    Season,
    /// Days per step from the lead stage to Won.
    StageDays,
    /// The stage handed to sales (a menu).
    Handoff,
    /// Follow-up hours.
    Followup,
    /// Reps who work handed-off units.
    FteReps,
    /// The currency amounts are in.
    Currency,
}

/// How an input is presented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A text field holding a number or a percentage.
    Number,
    /// A text field holding an amount of money in the plan's currency.
    Money,
    /// A text field holding a short code, such as a currency code.
    Code,
    /// A text field holding a list of numbers separated by commas (seasonality, days per
    /// stage, rep cohorts): commas separate items there, never decimals.
    List,
    /// A text field holding a month.
    Month,
    /// A menu: its text is always one of the menu's values.
    Choice,
}

impl FieldKind {
    /// Whether the field holds one number, written in the reader's locale.
    #[must_use]
    pub fn is_number(self) -> bool {
        matches!(self, Self::Number | Self::Money)
    }
}

/// One input, declared once: see the module documentation.
pub struct FieldSpec {
    /// Which input.
    pub field: Field,
    /// Its name in links, in storage and as its `data-testid`.
    pub key: &'static str,
    /// Its visible label.
    pub label: &'static str,
    /// Help in plain words, shown under the label.
    pub hint: &'static str,
    /// A unit shown after the field, such as `%`.
    pub unit: Option<&'static str>,
    /// How it is presented.
    pub kind: FieldKind,
    /// Words for the empty value of an optional input ("no cap"); empty for required inputs.
    pub unset: &'static str,
    /// What the README's table says of the input.
    pub doc: Doc,
    /// Reads text into the scenario, or says why it cannot.
    pub parse: fn(&str, &mut Scenario) -> Result<(), FieldError>,
    /// The scenario's value as the field shows it (empty for an unset optional input).
    pub show: fn(&Scenario) -> String,
    /// The scenario's value as links and storage write it; `None` for an unset optional input.
    pub plain: fn(&Scenario) -> Option<String>,
}

impl FieldSpec {
    /// The scenario's value in words for messages: the shown value, or the unset words.
    #[must_use]
    pub fn describe(&self, scenario: &Scenario) -> String {
        let shown = (self.show)(scenario);
        if shown.is_empty() {
            self.unset.to_owned()
        } else if self.unit == Some("%") {
            format!("{shown} %")
        } else {
            shown
        }
    }

    /// Whether the input may be left empty.
    #[must_use]
    pub fn is_optional(&self) -> bool {
        !self.unset.is_empty()
    }
}

/// Reads optional text: empty clears the value.
fn optional<T>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, FieldError>,
) -> Result<Option<T>, FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

/// Reads a stage number from a menu or link: `0` is the top, empty is the default rule.
fn stage_choice(text: &str, scenario: &Scenario) -> Result<Option<usize>, FieldError> {
    let count = scenario.funnel.stage_count();
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|&index| index < count)
        .map(Some)
        .ok_or_else(|| {
            FieldError::Choice(format!(
                "Give a stage number from 0 (top) to {}.",
                count.saturating_sub(1)
            ))
        })
}

/// What the README's table says of an input: its meaning, its link format and, when the
/// default depends on the day or the funnel, the default in words (`None`: the default
/// scenario's value, or for optional inputs the unset words). Only the README's table reads
/// it, in a native test, so the page's wasm build keeps none of these words.
#[derive(Clone, Copy, Debug)]
pub struct Doc {
    /// What the input means.
    #[cfg(not(target_arch = "wasm32"))]
    meaning: &'static str,
    /// The link format.
    #[cfg(not(target_arch = "wasm32"))]
    format: &'static str,
    /// The default in words, when the default scenario's value does not say it.
    #[cfg(not(target_arch = "wasm32"))]
    default: Option<&'static str>,
}

impl Doc {
    /// The README's words for an input.
    #[must_use]
    #[cfg_attr(
        target_arch = "wasm32",
        allow(unused_variables, reason = "the page's build keeps no README words")
    )]
    pub const fn new(
        meaning: &'static str,
        format: &'static str,
        default: Option<&'static str>,
    ) -> Self {
        Self {
            #[cfg(not(target_arch = "wasm32"))]
            meaning,
            #[cfg(not(target_arch = "wasm32"))]
            format,
            #[cfg(not(target_arch = "wasm32"))]
            default,
        }
    }
}

/// Every input, in link order.
pub static FIELDS: [FieldSpec; 25] = [
    FieldSpec {
        field: Field::Quota,
        key: "quota",
        label: "Revenue quota",
        hint: "New revenue to close in the planning period.",
        unit: None,
        kind: FieldKind::Money,
        unset: "",
        doc: Doc::new(
            "revenue quota for the period",
            "plain number \u{2265} 0 (`2000000`, `1500000.50`)",
            None,
        ),
        parse: |text, s| {
            s.quota = Money::parse(text)?;
            Ok(())
        },
        show: |s| s.quota.to_display(),
        plain: |s| Some(s.quota.to_plain()),
    },
    FieldSpec {
        field: Field::Deal,
        key: "deal",
        label: "Average deal size",
        hint: "Revenue from one closed-won deal.",
        unit: None,
        kind: FieldKind::Money,
        unset: "",
        doc: Doc::new("average deal size", "plain number > 0", None),
        parse: |text, s| {
            s.deal_size = Money::parse_positive(text)?;
            Ok(())
        },
        show: |s| s.deal_size.to_display(),
        plain: |s| Some(s.deal_size.to_plain()),
    },
    FieldSpec {
        field: Field::DealLow,
        key: "deallow",
        label: "Deal size, low (optional)",
        hint: "The smallest average deal size you think likely, for How sure are we. Empty means the deal size itself.",
        unit: None,
        kind: FieldKind::Money,
        unset: "no low",
        doc: Doc::new(
            "the deal size's low, for the Monte Carlo simulation",
            "plain number > 0, \u{2264} `deal`",
            None,
        ),
        parse: |text, s| {
            s.uncertainty.deal.low = uncertainty::parse_deal_bound(text, Side::Low, s.deal_size)?;
            Ok(())
        },
        show: |s| {
            s.uncertainty
                .deal
                .low
                .map(Money::to_display)
                .unwrap_or_default()
        },
        plain: |s| s.uncertainty.deal.low.map(Money::to_plain),
    },
    FieldSpec {
        field: Field::DealHigh,
        key: "dealhigh",
        label: "Deal size, high (optional)",
        hint: "The largest average deal size you think likely, for How sure are we. Empty means the deal size itself.",
        unit: None,
        kind: FieldKind::Money,
        unset: "no high",
        doc: Doc::new(
            "the deal size's high, for the Monte Carlo simulation",
            "plain number \u{2265} `deal`",
            None,
        ),
        parse: |text, s| {
            s.uncertainty.deal.high = uncertainty::parse_deal_bound(text, Side::High, s.deal_size)?;
            Ok(())
        },
        show: |s| {
            s.uncertainty
                .deal
                .high
                .map(Money::to_display)
                .unwrap_or_default()
        },
        plain: |s| s.uncertainty.deal.high.map(Money::to_plain),
    },
    FieldSpec {
        field: Field::Traffic,
        key: "traffic",
        label: "Planned traffic",
        hint: "Volume you expect to enter the top stage in the period, for the forecast.",
        unit: None,
        kind: FieldKind::Number,
        unset: "",
        doc: Doc::new(
            "planned volume entering the top stage",
            "plain number \u{2265} 0",
            None,
        ),
        parse: |text, s| {
            s.traffic = Volume::parse(text)?;
            Ok(())
        },
        show: |s| s.traffic.to_display(),
        plain: |s| Some(s.traffic.to_plain()),
    },
    FieldSpec {
        field: Field::Round,
        key: "round",
        label: "Rounding",
        hint: "How needed volumes are rounded to whole units.",
        unit: None,
        kind: FieldKind::Choice,
        unset: "",
        doc: Doc::new("rounding rule", "`stage` or `exact`", None),
        parse: |text, s| {
            s.rounding = Rounding::from_name(text.trim())
                .ok_or_else(|| FieldError::Choice("Use stage or exact.".to_owned()))?;
            Ok(())
        },
        show: |s| s.rounding.as_str().to_owned(),
        plain: |s| Some(s.rounding.as_str().to_owned()),
    },
    FieldSpec {
        field: Field::Period,
        key: "period",
        label: "Planning period",
        hint: "The quota is for this period.",
        unit: None,
        kind: FieldKind::Choice,
        unset: "",
        doc: Doc::new("planning period", "`month`, `quarter` or `year`", None),
        parse: |text, s| {
            s.period = Period::from_name(text.trim())
                .ok_or_else(|| FieldError::Choice("Use month, quarter or year.".to_owned()))?;
            Ok(())
        },
        show: |s| s.period.as_str().to_owned(),
        plain: |s| Some(s.period.as_str().to_owned()),
    },
    FieldSpec {
        field: Field::Existing,
        key: "existing",
        label: "Revenue from existing customers",
        hint: "Renewals, upsell and cross-sell expected in the period, as an amount or a share of the quota (30%). New business covers the rest.",
        unit: None,
        kind: FieldKind::Money,
        unset: "",
        doc: Doc::new(
            "revenue from existing customers in the period",
            "plain number \u{2265} 0, or a percentage of the quota (`30%`, written `30%25`)",
            None,
        ),
        parse: |text, s| {
            s.existing = Existing::parse(text)?;
            Ok(())
        },
        show: |s| s.existing.to_display(),
        plain: |s| Some(s.existing.to_plain()),
    },
    FieldSpec {
        field: Field::Share,
        key: "share",
        label: "Deals sourced by marketing",
        hint: "The rest are sourced by sales: outbound, referrals, partners. Benchmarks range from 25 % to 70 %.",
        unit: Some("%"),
        kind: FieldKind::Number,
        unset: "",
        doc: Doc::new("percent of new deals marketing sources", "0 to 100", None),
        parse: |text, s| {
            s.marketing_share = Share::parse_percent(text)?;
            Ok(())
        },
        show: |s| s.marketing_share.percent_plain(),
        plain: |s| Some(s.marketing_share.percent_plain()),
    },
    FieldSpec {
        field: Field::Reps,
        key: "reps",
        label: "Sales reps",
        hint: "Reps carrying quota in the period. Ramping reps as count@ramp %: 15, 5@25, 3@60 is 15 ramped reps, 5 at 25 % and 3 at 60 %.",
        unit: None,
        kind: FieldKind::List,
        unset: "",
        doc: Doc::new(
            "sales reps carrying quota, by ramp",
            "cohorts `count` or `count@ramp` (ramp 0 to 100 %), comma-separated: `15,5@25,3@60`; a plain number is that many ramped reps",
            None,
        ),
        parse: |text, s| {
            s.team.reps = Reps::parse(text)?;
            Ok(())
        },
        show: |s| s.team.reps.to_display(),
        plain: |s| Some(s.team.reps.to_plain()),
    },
    FieldSpec {
        field: Field::RepQuota,
        key: "repquota",
        label: "Quota per rep",
        hint: "One rep's quota for the planning period.",
        unit: None,
        kind: FieldKind::Money,
        unset: "",
        doc: Doc::new(
            "quota per rep for the period",
            "plain number \u{2265} 0",
            None,
        ),
        parse: |text, s| {
            s.team.rep_quota = Money::parse(text)?;
            Ok(())
        },
        show: |s| s.team.rep_quota.to_display(),
        plain: |s| Some(s.team.rep_quota.to_plain()),
    },
    FieldSpec {
        field: Field::Attain,
        key: "attain",
        label: "Expected attainment",
        hint: "Share of quota the average rep attains (above 0, up to 200).",
        unit: Some("%"),
        kind: FieldKind::Number,
        unset: "",
        doc: Doc::new("expected attainment, percent", "above 0, up to 200", None),
        parse: |text, s| {
            s.team.attainment = Attainment::parse_percent(text)?;
            Ok(())
        },
        show: |s| s.team.attainment.percent_plain(),
        plain: |s| Some(s.team.attainment.percent_plain()),
    },
    FieldSpec {
        field: Field::LeadStage,
        key: "leadstage",
        label: "Marketing pays for",
        hint: "The stage whose units marketing buys (its cost per lead).",
        unit: None,
        kind: FieldKind::Choice,
        unset: "the default lead stage (stage 2 with 3 or more stages, else the top)",
        doc: Doc::new(
            "index of the stage marketing pays for (0 = top)",
            "whole number below the stage count",
            None,
        ),
        parse: |text, s| {
            s.costs.lead_stage = stage_choice(text, s)?;
            Ok(())
        },
        show: |s| {
            s.costs
                .lead_stage
                .map(|i| i.to_string())
                .unwrap_or_default()
        },
        plain: |s| s.costs.lead_stage.map(|i| i.to_string()),
    },
    FieldSpec {
        field: Field::Cpl,
        key: "cpl",
        label: "Cost per lead (blended)",
        hint: "What one unit at the lead stage costs across channels. B2B SaaS: about 30\u{2013}150 US dollars.",
        unit: None,
        kind: FieldKind::Money,
        unset: "",
        doc: Doc::new(
            "blended cost per lead-stage unit",
            "plain number \u{2265} 0",
            None,
        ),
        parse: |text, s| {
            s.costs.cost_per_lead = Money::parse(text)?;
            Ok(())
        },
        show: |s| s.costs.cost_per_lead.to_display(),
        plain: |s| Some(s.costs.cost_per_lead.to_plain()),
    },
    FieldSpec {
        field: Field::Cap,
        key: "cap",
        label: "Available marketing budget",
        hint: "Optional. Leave empty for no cap; with one, see what it affords.",
        unit: None,
        kind: FieldKind::Money,
        unset: "no budget cap",
        doc: Doc::new(
            "available marketing budget",
            "plain number \u{2265} 0",
            None,
        ),
        parse: |text, s| {
            s.costs.cap = optional(text, |t| Ok(Money::parse(t)?))?;
            Ok(())
        },
        show: |s| s.costs.cap.map(Money::to_display).unwrap_or_default(),
        plain: |s| s.costs.cap.map(Money::to_plain),
    },
    FieldSpec {
        field: Field::Limit,
        key: "limit",
        label: "Most marketing can deliver",
        hint: "Optional: the most units marketing can deliver at its lead stage in the period. See what each lever would need for the plan to fit it.",
        unit: None,
        kind: FieldKind::Number,
        unset: "no limit",
        doc: Doc::new(
            "the most marketing can deliver at its lead stage in the period, which the levers are solved for",
            "plain number \u{2265} 0",
            None,
        ),
        parse: |text, s| {
            s.costs.lead_limit = optional(text, |t| Ok(Volume::parse(t)?))?;
            Ok(())
        },
        show: |s| {
            s.costs
                .lead_limit
                .map(Volume::to_display)
                .unwrap_or_default()
        },
        plain: |s| s.costs.lead_limit.map(Volume::to_plain),
    },
    FieldSpec {
        field: Field::Draws,
        key: "draws",
        label: "Draws (optional)",
        hint: "How many plans How sure are we draws from the ranges: 1,000 to 100,000. More draws give steadier figures and take longer. Empty means 10,000.",
        unit: None,
        kind: FieldKind::Number,
        unset: "10,000 draws",
        doc: Doc::new(
            "how many Monte Carlo draws How sure are we makes",
            "whole number 1000 to 100000",
            Some("`10000` (written only when set)"),
        ),
        parse: |text, s| {
            s.uncertainty.draws = optional(text, |t| Ok(Draws::parse(t)?))?;
            Ok(())
        },
        show: |s| {
            s.uncertainty
                .draws
                .map(|d| crate::model::format::group_thousands(&d.get().to_string()))
                .unwrap_or_default()
        },
        plain: |s| s.uncertainty.draws.map(|d| d.get().to_string()),
    },
    FieldSpec {
        field: Field::Start,
        key: "start",
        label: "First month of the period",
        hint: "2027-01, Jan 2027 or Q1 2027. Quarters and years may start in any month (fiscal years). A new plan starts with the next period that has not started.",
        unit: None,
        kind: FieldKind::Month,
        unset: "",
        doc: Doc::new(
            "first month of the period",
            "`YYYY-MM` (also read: `2027-1`, `Jan 2027`, `January 2027`, `Q1 2027`, `2027 Q1`, `2027-Q1`), years 2000 to 2199",
            Some("the next month, quarter or year that has not started"),
        ),
        parse: |text, s| {
            s.timing.start = YearMonth::parse(text)?;
            Ok(())
        },
        show: |s| s.timing.start.to_string(),
        plain: |s| Some(s.timing.start.to_string()),
    },
    FieldSpec {
        field: Field::Cycle,
        key: "cycle",
        label: "Sales cycle (days)",
        hint: "Average days from the lead stage to closed-won. SMB 14\u{2013}30, mid-market 30\u{2013}90, enterprise 90\u{2013}180.",
        unit: None,
        kind: FieldKind::Number,
        unset: "",
        doc: Doc::new(
            "days from the lead stage to Won",
            "whole number 0 to 3650 (larger values, however long, are \u{201c}too large\u{201d})",
            None,
        ),
        parse: |text, s| {
            s.timing.cycle_days = assumptions::parse_days(text)?;
            Ok(())
        },
        show: |s| s.timing.cycle_days.to_string(),
        plain: |s| Some(s.timing.cycle_days.to_string()),
    },
    FieldSpec {
        field: Field::Season,
        key: "season",
        label: "Seasonality (optional)",
        hint: "12 relative weights, January to December, for when deals close, e.g. 1,1,1.2,1,1,0.8,0.6,0.6,1,1.2,1.3,1.5. Empty spreads deals evenly.",
        unit: None,
        kind: FieldKind::List,
        unset: "even months",
        doc: Doc::new(
            "closing weights, January to December",
            "12 comma-separated numbers \u{2265} 0, not all 0",
            None,
        ),
        parse: |text, s| {
            s.timing.season = optional(text, |t| Ok(Season::parse(t)?))?;
            Ok(())
        },
        show: |s| {
            s.timing
                .season
                .as_ref()
                .map(Season::to_plain)
                .unwrap_or_default()
        },
        plain: |s| s.timing.season.as_ref().map(Season::to_plain),
    },
    FieldSpec {
        field: Field::StageDays,
        key: "stagedays",
        label: "Days per stage (optional)",
        hint: "One number per step from the lead stage to Won, e.g. 10,20,30,30. Empty splits the cycle evenly.",
        unit: None,
        kind: FieldKind::List,
        unset: "an even split of the cycle",
        doc: Doc::new(
            "days per step from the lead stage to Won",
            "comma-separated whole numbers 0 to 3650, one per step from the lead stage to Won (at most 19); another count is kept and reported, and the cycle is split evenly until it fits",
            None,
        ),
        parse: |text, s| {
            s.timing.stage_days = optional(text, |t| Ok(assumptions::parse_stage_days(t)?))?;
            Ok(())
        },
        show: |s| {
            s.timing
                .stage_days
                .as_deref()
                .map(join_days)
                .unwrap_or_default()
        },
        plain: |s| s.timing.stage_days.as_deref().map(join_days),
    },
    FieldSpec {
        field: Field::Handoff,
        key: "handoff",
        label: "Marketing hands over",
        hint: "The stage at which leads become sales' responsibility.",
        unit: None,
        kind: FieldKind::Choice,
        unset: "the default handoff stage (the one named MQL or MQLs, else stage 3)",
        doc: Doc::new(
            "index of the stage marketing hands to sales (0 = top)",
            "whole number below the stage count",
            None,
        ),
        parse: |text, s| {
            s.handoff.stage = stage_choice(text, s)?;
            Ok(())
        },
        show: |s| s.handoff.stage.map(|i| i.to_string()).unwrap_or_default(),
        plain: |s| s.handoff.stage.map(|i| i.to_string()),
    },
    FieldSpec {
        field: Field::Followup,
        key: "followup",
        label: "Follow-up within (hours)",
        hint: "How fast sales contacts each handed-off unit.",
        unit: None,
        kind: FieldKind::Number,
        unset: "",
        doc: Doc::new(
            "hours within which sales follows up",
            "whole number 1 to 720",
            None,
        ),
        parse: |text, s| {
            s.handoff.followup_hours = assumptions::parse_followup(text)?;
            Ok(())
        },
        show: |s| s.handoff.followup_hours.to_string(),
        plain: |s| Some(s.handoff.followup_hours.to_string()),
    },
    FieldSpec {
        field: Field::FteReps,
        key: "ftereps",
        label: "Reps working handed-off units (optional)",
        hint: "Empty means the whole sales team.",
        unit: None,
        kind: FieldKind::Number,
        unset: "the team's reps",
        doc: Doc::new(
            "reps who work handed-off units",
            "plain number \u{2265} 0",
            None,
        ),
        parse: |text, s| {
            s.handoff.fte_reps = optional(text, |t| Ok(Volume::parse(t)?))?;
            Ok(())
        },
        show: |s| {
            s.handoff
                .fte_reps
                .map(Volume::to_display)
                .unwrap_or_default()
        },
        plain: |s| s.handoff.fte_reps.map(Volume::to_plain),
    },
    FieldSpec {
        field: Field::Currency,
        key: "currency",
        label: "Currency",
        hint: "Three-letter ISO 4217 code: EUR, GBP, JPY, USD\u{2026} Amounts are not converted.",
        unit: None,
        kind: FieldKind::Code,
        unset: "",
        doc: Doc::new(
            "currency of every amount (always written, so a shared link shows the same currency everywhere)",
            "ISO 4217 code, any case (`EUR`, `usd`)",
            Some("the currency of the browser's region (`USD` where it has none)"),
        ),
        parse: |text, s| {
            s.currency = Currency::parse(text)?;
            Ok(())
        },
        show: |s| s.currency.to_string(),
        plain: |s| Some(s.currency.to_string()),
    },
];

/// The README's table of the inputs' link parameters, derived from [`FIELDS`]: one row per
/// input with its key, meaning, format and default.
#[must_use]
#[cfg(not(target_arch = "wasm32"))]
pub fn readme_rows(defaults: &Scenario) -> String {
    use std::fmt::Write as _;
    let mut rows = String::new();
    for spec in &FIELDS {
        let default = spec.doc.default.map_or_else(
            || (spec.plain)(defaults).map_or_else(|| spec.unset.to_owned(), |v| format!("`{v}`")),
            ToOwned::to_owned,
        );
        // Writing to a String cannot fail.
        let _ = writeln!(
            rows,
            "| `{}` | {} | {} | {default} |",
            spec.key, spec.doc.meaning, spec.doc.format
        );
    }
    rows
}

impl Field {
    /// Every input, in link order.
    pub const ALL: [Self; 25] = [
        Self::Quota,
        Self::Deal,
        Self::DealLow,
        Self::DealHigh,
        Self::Traffic,
        Self::Round,
        Self::Period,
        Self::Existing,
        Self::Share,
        Self::Reps,
        Self::RepQuota,
        Self::Attain,
        Self::LeadStage,
        Self::Cpl,
        Self::Cap,
        Self::Limit,
        Self::Draws,
        Self::Start,
        Self::Cycle,
        Self::Season,
        Self::StageDays,
        Self::Handoff,
        Self::Followup,
        Self::FteReps,
        Self::Currency,
    ];

    /// The input's declaration.
    #[must_use]
    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self as usize]
    }

    /// Its position in [`Field::ALL`] and [`FIELDS`].
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// Finds an input by its key (`quota`, `stagedays`, …).
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|field| field.spec().key == key)
    }
}

/// Any text the planner's form holds: a single input, or a cell of a stage or channel row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKey {
    /// A single input.
    Field(Field),
    /// Stage `i`'s name (0 = top).
    StageName(usize),
    /// The rate into stage `i` (from 1).
    StageRate(usize),
    /// The low of the rate into stage `i` (from 1), for the Monte Carlo simulation.
    StageLow(usize),
    /// The high of the rate into stage `i` (from 1), for the Monte Carlo simulation.
    StageHigh(usize),
    /// Channel `c`'s name.
    ChannelName(usize),
    /// Channel `c`'s share of leads.
    ChannelShare(usize),
    /// Channel `c`'s cost per lead.
    ChannelCost(usize),
}

impl FieldKey {
    /// The `data-testid` of the input holding this text (also its key among saved drafts).
    #[must_use]
    pub fn testid(self) -> String {
        match self {
            Self::Field(field) => field.spec().key.to_owned(),
            Self::StageName(i) => format!("stage-name-{i}"),
            Self::StageRate(i) => format!("stage-rate-{i}"),
            Self::StageLow(i) => format!("stage-low-{i}"),
            Self::StageHigh(i) => format!("stage-high-{i}"),
            Self::ChannelName(c) => format!("channel-name-{c}"),
            Self::ChannelShare(c) => format!("channel-share-{c}"),
            Self::ChannelCost(c) => format!("channel-cpl-{c}"),
        }
    }

    /// Reads a `data-testid` back.
    #[must_use]
    pub fn from_testid(text: &str) -> Option<Self> {
        if let Some(field) = Field::from_key(text) {
            return Some(Self::Field(field));
        }
        let (prefix, index) = text.rsplit_once('-')?;
        let index: usize = index.parse().ok()?;
        match prefix {
            "stage-name" => Some(Self::StageName(index)),
            "stage-rate" if index > 0 => Some(Self::StageRate(index)),
            "stage-low" if index > 0 => Some(Self::StageLow(index)),
            "stage-high" if index > 0 => Some(Self::StageHigh(index)),
            "channel-name" => Some(Self::ChannelName(index)),
            "channel-share" => Some(Self::ChannelShare(index)),
            "channel-cpl" => Some(Self::ChannelCost(index)),
            _ => None,
        }
    }

    /// Whether the text is a single number, which a locale's decimal comma may write
    /// (`2,5`); names, months, menus and lists are not.
    #[must_use]
    pub fn is_single_number(self) -> bool {
        match self {
            Self::Field(field) => field.spec().kind.is_number(),
            Self::StageRate(_)
            | Self::StageLow(_)
            | Self::StageHigh(_)
            | Self::ChannelShare(_)
            | Self::ChannelCost(_) => true,
            Self::StageName(_) | Self::ChannelName(_) => false,
        }
    }

    /// Reads text into the scenario, or says why it cannot. Rows past the end are left alone.
    ///
    /// # Errors
    /// Returns why the text is not acceptable for this input.
    pub fn parse(self, text: &str, scenario: &mut Scenario) -> Result<(), FieldError> {
        match self {
            Self::Field(field) => (field.spec().parse)(text, scenario),
            Self::StageName(i) => {
                let name = StageName::new(text)?;
                scenario.funnel = scenario.funnel.with_name(i, name);
                Ok(())
            }
            Self::StageRate(i) => {
                let rate = Rate::parse_percent(text)?;
                scenario.funnel = scenario.funnel.with_rate(i, rate);
                Ok(())
            }
            Self::StageLow(i) | Self::StageHigh(i) => {
                let Some(rate) = scenario.funnel.rate_into(i) else {
                    return Ok(());
                };
                let side = self.side().unwrap_or(Side::Low);
                let bound = uncertainty::parse_rate_bound(text, side, rate)?;
                let mut bounds = scenario.funnel.bounds_into(i);
                match side {
                    Side::Low => bounds.low = bound,
                    Side::High => bounds.high = bound,
                }
                scenario.funnel = scenario.funnel.with_bounds(i, bounds);
                Ok(())
            }
            Self::ChannelName(c) => {
                let name = channel_name(text)?;
                if let Some(channel) = scenario.costs.channels.get_mut(c) {
                    channel.name = name;
                }
                Ok(())
            }
            Self::ChannelShare(c) => {
                let share = Share::parse_percent(text)?;
                if let Some(channel) = scenario.costs.channels.get_mut(c) {
                    channel.share = share;
                }
                Ok(())
            }
            Self::ChannelCost(c) => {
                let cost = Money::parse(text)?;
                if let Some(channel) = scenario.costs.channels.get_mut(c) {
                    channel.cost_per_lead = cost;
                }
                Ok(())
            }
        }
    }

    /// The scenario's value as this input shows it; empty past the end of a list.
    #[must_use]
    pub fn show(self, scenario: &Scenario) -> String {
        let channel = |c: usize| scenario.costs.channels.get(c);
        match self {
            Self::Field(field) => (field.spec().show)(scenario),
            Self::StageName(i) => scenario.funnel.name_text(i),
            Self::StageRate(i) => scenario
                .funnel
                .rate_into(i)
                .map(Rate::percent_plain)
                .unwrap_or_default(),
            Self::StageLow(i) => bound_text(scenario.funnel.bounds_into(i).low),
            Self::StageHigh(i) => bound_text(scenario.funnel.bounds_into(i).high),
            Self::ChannelName(c) => channel(c).map(|ch| ch.name.to_string()).unwrap_or_default(),
            Self::ChannelShare(c) => channel(c)
                .map(|ch| ch.share.percent_plain())
                .unwrap_or_default(),
            Self::ChannelCost(c) => channel(c)
                .map(|ch| ch.cost_per_lead.to_display())
                .unwrap_or_default(),
        }
    }

    /// The input's label: the declared one, or a row cell's ("Stage 3 name", "Conversion
    /// rate from Leads to MQLs", "Paid search share of leads").
    #[must_use]
    pub fn label(self, scenario: &Scenario) -> String {
        self.label_with(
            |i| scenario.funnel.name_text(i),
            |c| {
                scenario
                    .costs
                    .channels
                    .get(c)
                    .map(|ch| ch.name.to_string())
                    .unwrap_or_default()
            },
        )
    }

    /// The input's label, given the names of stage `i` and channel `c`: what [`Self::label`]
    /// gives, for callers that keep the names apart from the scenario.
    #[must_use]
    pub fn label_with(
        self,
        stage: impl Fn(usize) -> String,
        channel: impl Fn(usize) -> String,
    ) -> String {
        match self {
            Self::Field(field) => field.spec().label.to_owned(),
            Self::StageName(i) => format!("Stage {} name", i + 1),
            Self::StageRate(i) => format!(
                "Conversion rate from {} to {}",
                stage(i.saturating_sub(1)),
                stage(i)
            ),
            Self::StageLow(i) => format!(
                "Low conversion rate from {} to {}",
                stage(i.saturating_sub(1)),
                stage(i)
            ),
            Self::StageHigh(i) => format!(
                "High conversion rate from {} to {}",
                stage(i.saturating_sub(1)),
                stage(i)
            ),
            Self::ChannelName(c) => format!("Channel {} name", c + 1),
            Self::ChannelShare(c) => format!("{} share of leads", channel(c)),
            Self::ChannelCost(c) => format!("{} cost per lead", channel(c)),
        }
    }

    /// The scenario's value in words for messages ("45,000", "20 %", "“Leads”", "no cap").
    #[must_use]
    pub fn describe(self, scenario: &Scenario) -> String {
        match self {
            Self::Field(field) => field.spec().describe(scenario),
            Self::StageName(_) | Self::ChannelName(_) => {
                format!("\u{201c}{}\u{201d}", self.show(scenario))
            }
            Self::StageRate(_) | Self::ChannelShare(_) => format!("{} %", self.show(scenario)),
            Self::StageLow(_) | Self::StageHigh(_) => {
                let shown = self.show(scenario);
                match (shown.is_empty(), self.side()) {
                    (false, _) => format!("{shown} %"),
                    (true, Some(Side::High)) => "no high".to_owned(),
                    (true, _) => "no low".to_owned(),
                }
            }
            Self::ChannelCost(_) => self.show(scenario),
        }
    }

    /// Which end of a range this text is: the low or high of a rate or of the deal size;
    /// `None` for any other text.
    #[must_use]
    pub fn side(self) -> Option<Side> {
        match self {
            Self::StageLow(_) | Self::Field(Field::DealLow) => Some(Side::Low),
            Self::StageHigh(_) | Self::Field(Field::DealHigh) => Some(Side::High),
            _ => None,
        }
    }
}

/// A rate's bound as fields and links write it; empty when unset.
fn bound_text(bound: Option<Rate>) -> String {
    bound.map(Rate::percent_plain).unwrap_or_default()
}

/// Writes a rate's bounds after its rate in the `stages` link parameter: nothing without
/// bounds, else `:low:high`, either side empty when unset and a trailing empty side left out
/// (`:15:30`, `::30`, `:15`).
#[must_use]
pub fn bounds_plain(bounds: Bounds<Rate>) -> String {
    match (bounds.low, bounds.high) {
        (None, None) => String::new(),
        (low, None) => format!(":{}", bound_text(low)),
        (low, high) => format!(":{}:{}", bound_text(low), bound_text(high)),
    }
}

/// Reads a channel's name: the rules of stage names, in words that speak of channels.
///
/// # Errors
/// Returns why the text is not an acceptable channel name.
pub fn channel_name(text: &str) -> Result<StageName, FieldError> {
    StageName::new(text).map_err(FieldError::ChannelName)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Scenario {
        Scenario::starting(YearMonth::new(2026, 11).unwrap())
    }

    #[test]
    fn the_table_is_in_declaration_order_with_unique_keys() {
        for (index, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field.index(), index);
            assert_eq!(FIELDS[index].field, field, "{}", FIELDS[index].key);
            assert_eq!(Field::from_key(field.spec().key), Some(field));
        }
    }

    #[test]
    fn every_value_written_reads_back_unchanged() {
        let scenario = example();
        for spec in &FIELDS {
            let mut copy = scenario.clone();
            if let Some(plain) = (spec.plain)(&scenario) {
                (spec.parse)(&plain, &mut copy).unwrap();
                assert_eq!(copy, scenario, "{}", spec.key);
            } else {
                assert!(spec.is_optional(), "{} is required", spec.key);
                (spec.parse)("", &mut copy).unwrap();
                assert_eq!(copy, scenario, "{}", spec.key);
            }
        }
    }

    #[test]
    fn the_readme_documents_every_input_as_declared() {
        // The README's rows between the markers are generated from the table; run
        // `UPDATE_README=1 cargo test --lib readme` to rewrite them after changing an input.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (begin, end) = ("<!-- inputs:begin -->\n", "<!-- inputs:end -->");
        let start = readme.find(begin).unwrap() + begin.len();
        let stop = readme.find(end).unwrap();
        let rows = readme_rows(&example());
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{rows}{}", &readme[..start], &readme[stop..]);
            std::fs::write(path, updated).unwrap();
        } else {
            assert_eq!(
                readme[start..stop],
                rows,
                "run UPDATE_README=1 cargo test --lib readme"
            );
        }
    }

    #[test]
    fn test_ids_read_back() {
        let keys = [
            FieldKey::Field(Field::StageDays),
            FieldKey::StageName(0),
            FieldKey::StageRate(3),
            FieldKey::StageLow(3),
            FieldKey::StageHigh(19),
            FieldKey::ChannelName(2),
            FieldKey::ChannelShare(0),
            FieldKey::ChannelCost(11),
        ];
        for key in keys {
            assert_eq!(FieldKey::from_testid(&key.testid()), Some(key));
        }
        assert_eq!(FieldKey::from_testid("stage-rate-0"), None);
        assert_eq!(FieldKey::from_testid("stage-low-0"), None);
        assert_eq!(FieldKey::from_testid("stage-rate-x"), None);
        assert_eq!(FieldKey::from_testid("colour"), None);
    }

    #[test]
    fn messages_describe_values_in_words() {
        let scenario = example();
        let cases = [
            (FieldKey::Field(Field::Quota), "1,000,000"),
            (FieldKey::Field(Field::Share), "100 %"),
            (FieldKey::Field(Field::Cap), "no budget cap"),
            (FieldKey::StageName(1), "\u{201c}Leads\u{201d}"),
            (FieldKey::StageRate(1), "2 %"),
        ];
        for (key, expected) in cases {
            assert_eq!(key.describe(&scenario), expected, "{key:?}");
        }
    }

    #[test]
    fn channel_names_are_refused_in_channel_words() {
        let mut scenario = example();
        let error = FieldKey::ChannelName(0)
            .parse("<b>", &mut scenario)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "Channel names cannot contain \u{201c}<\u{201d}."
        );
    }
}
