//! The saved plan: a versioned JSON envelope in the browser's storage.
//!
//! Version 3 (written now) holds the plan as its link's parameters, so storage and links can
//! never disagree, and the text of fields that were not valid when it was saved:
//! `{"version":3,"plan":{"quota":"1000000","deal":"25000","stages":"Visitors,Leads:2,…",…},
//! "drafts":{"deal":"450%"}}`. It is read by the link decoder: each unusable value falls back
//! to its default alone, with a problem.
//!
//! Version 2 (issue 3's page):
//! `{"version":2,"scenario":{"quota":1000000,"deal":25000,"traffic":200000,"round":"stage",
//! "stages":[{"name":"Visitors"},{"name":"Leads","rate":2},…],"period":"quarter",
//! "existing":0,"share":100,"reps":5,"repquota":250000,"attain":100,"cpl":100,
//! "channels":[],"start":"2026-10","cycle":0,"followup":24}}` with optional `leadstage`,
//! `cap`, `season`, `stagedays`, `handoff` and `ftereps`.
//!
//! Version 1 (issue 2) held only the first five fields. Versions 1 and 2 are migrated on
//! reading, taking the defaults for everything they did not have. Reading takes two steps: JSON text into a DTO
//! ([`SavedV1`] or [`SavedV2`]), then validation into a [`Scenario`]. Anything unreadable is a
//! [`SavedError`]; the caller keeps the text as a backup.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::link::{self, LinkParams, LinkProblem};
use crate::model::assumptions::{self, MAX_CHANNELS};
use crate::model::form::join_days;
use crate::model::{
    Attainment, Channel, Costs, Currency, Existing, Funnel, FunnelError, Handoff, Local, Money,
    NameError, NumberError, Period, Rate, Reps, Rounding, Scenario, Season, Share, StageName, Step,
    Team, Timing, Volume, YearMonth,
};

/// The storage format version this page writes.
pub const VERSION: u32 = 3;

/// A stage as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedStage {
    /// The stage's name.
    pub name: String,
    /// Conversion rate in percent from the stage above; absent for the top stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
}

/// A channel as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedChannel {
    /// The channel's name.
    pub name: String,
    /// Share of leads in percent.
    pub share: f64,
    /// Cost per lead.
    pub cpl: f64,
}

/// A version-1 scenario as stored by issue 2's page, not yet validated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedV1 {
    /// Revenue quota.
    pub quota: f64,
    /// Average deal size.
    pub deal: f64,
    /// Planned traffic.
    pub traffic: f64,
    /// Rounding rule name.
    pub round: String,
    /// Stages, top first.
    pub stages: Vec<SavedStage>,
}

/// A version-2 scenario as stored, not yet validated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedV2 {
    /// Revenue quota.
    pub quota: f64,
    /// Average deal size.
    pub deal: f64,
    /// Planned traffic.
    pub traffic: f64,
    /// Rounding rule name.
    pub round: String,
    /// Stages, top first.
    pub stages: Vec<SavedStage>,
    /// Period name.
    pub period: String,
    /// Revenue from existing customers.
    pub existing: f64,
    /// Marketing-sourced share of deals, percent.
    pub share: f64,
    /// Ramped reps.
    pub reps: f64,
    /// Quota per rep.
    pub repquota: f64,
    /// Attainment, percent.
    pub attain: f64,
    /// Chosen lead stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leadstage: Option<usize>,
    /// Blended cost per lead.
    pub cpl: f64,
    /// Channels.
    pub channels: Vec<SavedChannel>,
    /// Budget cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<f64>,
    /// First month, `YYYY-MM`.
    pub start: String,
    /// Sales cycle, days.
    pub cycle: u32,
    /// Seasonality weights, January first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season: Option<Vec<f64>>,
    /// Days per step from the lead stage to Won.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stagedays: Option<Vec<u32>>,
    /// Chosen handoff stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handoff: Option<usize>,
    /// Follow-up hours.
    pub followup: u32,
    /// Reps who work handed-off units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ftereps: Option<f64>,
}

/// The stored envelope this page writes (version 3).
///
/// Fields it does not name are ignored, as by every reader of the envelopes: the browser's
/// (serde-wasm-bindgen) reads only the fields a shape names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedEnvelope {
    /// Format version: [`VERSION`].
    pub version: u32,
    /// The plan as its link's parameters, name to raw value, exactly as links write them.
    pub plan: BTreeMap<String, String>,
    /// Text of fields that was not valid when saved, keyed by `data-testid`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts: BTreeMap<String, String>,
}

/// A version-2 envelope, as written by issue 3's page (kept for migration tests).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedEnvelopeV2 {
    /// Format version: 2.
    pub version: u32,
    /// The scenario.
    pub scenario: SavedV2,
}

/// A saved plan as read back: the scenario, the drafts to show again, and what had to be
/// fixed to read it.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedPlan {
    /// The scenario, with defaults where a saved value was unusable.
    pub scenario: Scenario,
    /// Field text that was not valid when saved, keyed by `data-testid`.
    pub drafts: Vec<(String, String)>,
    /// Saved values that could not be used (each fell back to its default alone).
    pub problems: Vec<LinkProblem>,
}

impl SavedPlan {
    /// A saved plan with nothing to fix and no drafts.
    #[must_use]
    pub fn clean(scenario: Scenario) -> Self {
        Self {
            scenario,
            drafts: Vec::new(),
            problems: Vec::new(),
        }
    }
}

/// A version-1 envelope, as read.
#[derive(Deserialize)]
struct EnvelopeV1 {
    #[serde(rename = "version")]
    _version: u32,
    scenario: SavedV1,
}

/// A version-2 envelope, as read.
#[derive(Deserialize)]
struct EnvelopeV2 {
    #[serde(rename = "version")]
    _version: u32,
    scenario: SavedV2,
}

/// Why saved text cannot be read back as a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum SavedError {
    /// Not JSON of the envelope's shape; holds the parser's message.
    Format(String),
    /// Saved by a version of the page this one does not know.
    UnknownVersion(u32),
    /// A number field holds a value no plan accepts.
    Number {
        /// Which field.
        field: &'static str,
        /// What is wrong with it.
        error: NumberError,
    },
    /// The rounding rule is not one this page knows.
    Rounding(String),
    /// A stage name is not acceptable.
    Name(NameError),
    /// A stage below the top has no rate.
    MissingRate(usize),
    /// A field other than a plain number is unusable; holds the field and the reason.
    Invalid(&'static str, String),
    /// The stages do not form a funnel.
    Funnel(FunnelError),
}

impl fmt::Display for SavedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Format(message) => write!(f, "it is not in the expected format ({message})"),
            Self::UnknownVersion(version) => write!(
                f,
                "it was saved in format version {version}, which this page does not know"
            ),
            Self::Number { field, error } => write!(f, "its {field} is unusable: {error}"),
            Self::Rounding(name) => write!(f, "its rounding \u{201c}{name}\u{201d} is unknown"),
            Self::Name(error) => write!(f, "a stage name is unusable: {error}"),
            Self::MissingRate(index) => write!(f, "stage {} has no rate", index + 1),
            Self::Invalid(field, reason) => write!(f, "its {field} is unusable: {reason}"),
            Self::Funnel(error) => write!(f, "its stages are unusable: {error}"),
        }
    }
}

impl std::error::Error for SavedError {}

/// What the browser's storage holds, as read by the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// No saved plan.
    Empty,
    /// A saved plan, read and validated.
    Plan(Box<SavedPlan>),
    /// Saved text that could not be read.
    Unreadable {
        /// Why it could not be read.
        error: SavedError,
        /// Whether the text was kept under a backup key.
        kept: bool,
    },
    /// Storage cannot be used in this browser (blocked or disabled).
    Unavailable,
    /// Storage is there, but reading the saved plan failed; holds the browser's reason.
    ReadFailed(String),
}

impl From<&Scenario> for SavedEnvelopeV2 {
    fn from(scenario: &Scenario) -> Self {
        let funnel = &scenario.funnel;
        let stages = (0..funnel.stage_count())
            .filter_map(|index| {
                Some(SavedStage {
                    name: funnel.name(index)?.to_string(),
                    rate: funnel
                        .rate_into(index)
                        .map(|rate| f64::from(rate.ppm()) / 10_000.0),
                })
            })
            .collect();
        let percent = |ppm: u32| f64::from(ppm) / 10_000.0;
        let (team, costs, timing, handoff) = (
            &scenario.team,
            &scenario.costs,
            &scenario.timing,
            &scenario.handoff,
        );
        Self {
            version: 2,
            scenario: SavedV2 {
                quota: scenario.quota.to_f64(),
                deal: scenario.deal_size.to_f64(),
                traffic: scenario.traffic.units(),
                round: scenario.rounding.as_str().to_owned(),
                stages,
                period: scenario.period.as_str().to_owned(),
                existing: scenario.existing_amount().to_f64(),
                share: percent(scenario.marketing_share.ppm()),
                reps: team.reps.ramped_reps(),
                repquota: team.rep_quota.to_f64(),
                attain: percent(team.attainment.ppm()),
                leadstage: costs.lead_stage,
                cpl: costs.cost_per_lead.to_f64(),
                channels: costs
                    .channels
                    .iter()
                    .map(|c| SavedChannel {
                        name: c.name.to_string(),
                        share: percent(c.share.ppm()),
                        cpl: c.cost_per_lead.to_f64(),
                    })
                    .collect(),
                cap: costs.cap.map(Money::to_f64),
                start: timing.start.to_string(),
                cycle: timing.cycle_days,
                season: timing.season.as_ref().map(|season| {
                    (1..=12)
                        .map(|m| f64::from(season.weight(m)) / 100.0)
                        .collect()
                }),
                stagedays: timing.stage_days.clone(),
                handoff: handoff.stage,
                followup: handoff.followup_hours,
                ftereps: handoff.fte_reps.map(Volume::units),
            },
        }
    }
}

impl SavedEnvelope {
    /// The envelope for a scenario and the drafts of its form.
    #[must_use]
    pub fn new(scenario: &Scenario, drafts: &[(String, String)]) -> Self {
        let link = link::encode(scenario);
        Self {
            version: VERSION,
            plan: LinkParams::parse(&link)
                .pairs()
                .map(|(key, value)| (key.to_owned(), value.to_owned()))
                .collect(),
            drafts: drafts.iter().cloned().collect(),
        }
    }
}

/// Writes a scenario and its drafts as the stored JSON text.
#[must_use]
pub fn encode(json: &impl Json, scenario: &Scenario, drafts: &[(String, String)]) -> String {
    json.write(&SavedEnvelope::new(scenario, drafts))
}

/// Reads stored JSON text back into a plan, migrating versions 1 and 2. `local` (this month,
/// and the reader's currency) gives the defaults of anything the saved plan did not have.
///
/// # Errors
/// Returns a [`SavedError`] when the text is not a saved plan this page can use at all. A
/// version-3 plan with some unusable values is read, with those values' defaults and a
/// problem for each.
pub fn decode(
    json: &impl Json,
    text: &str,
    local: impl Into<Local>,
) -> Result<SavedPlan, SavedError> {
    // Read the version first, so a newer format is named as such rather than as garbage.
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }
    let local = local.into();
    let version: VersionOnly = json.read(text).map_err(SavedError::Format)?;
    match version.version {
        1 => {
            let read: EnvelopeV1 = json.read(text).map_err(SavedError::Format)?;
            validate(&migrate_v1(read.scenario, local.today), local.currency).map(SavedPlan::clean)
        }
        2 => {
            let read: EnvelopeV2 = json.read(text).map_err(SavedError::Format)?;
            validate(&read.scenario, local.currency).map(SavedPlan::clean)
        }
        VERSION => {
            let read: SavedEnvelope = json.read(text).map_err(SavedError::Format)?;
            let params =
                LinkParams::from_pairs(read.plan.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            let decoded = link::decode(&params, local);
            Ok(SavedPlan {
                scenario: decoded.scenario,
                drafts: read.drafts.into_iter().collect(),
                // Days per stage that do not fit are explained beside their field.
                problems: decoded
                    .problems
                    .into_iter()
                    .filter(|problem| !matches!(problem, LinkProblem::StepCount { .. }))
                    .collect(),
            })
        }
        other => Err(SavedError::UnknownVersion(other)),
    }
}

/// The step between JSON text and the stored shapes. The page reads and writes with the
/// browser's own `JSON` (`browser::json`), which keeps a JSON parser and writer out of the
/// wasm; native tests use `serde_json` ([`SerdeJson`]). The codec stays pure Rust either way.
pub trait Json {
    /// Reads `text` as a `T`.
    ///
    /// # Errors
    /// Says how (and where, when the reader knows) the text fails to read, in the page's
    /// words.
    fn read<T: DeserializeOwned>(&self, text: &str) -> Result<T, String>;

    /// Writes `value` as compact JSON text.
    fn write<T: Serialize>(&self, value: &T) -> String;
}

/// The words for text that is JSON but not of the stored shape.
pub const NOT_THE_SHAPE: &str = "a value is of the wrong kind, missing or not expected";

/// JSON through `serde_json`, for native tests.
#[cfg(test)]
pub struct SerdeJson;

#[cfg(test)]
impl Json for SerdeJson {
    fn read<T: DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        use serde_json::error::Category;
        serde_json::from_str(text).map_err(|error| {
            let what = match error.classify() {
                Category::Eof => "it ends too soon",
                Category::Syntax | Category::Io => "it is not valid JSON",
                Category::Data => NOT_THE_SHAPE,
            };
            format!("{what}, at line {} column {}", error.line(), error.column())
        })
    }

    fn write<T: Serialize>(&self, value: &T) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }
}

/// Migrates a version-1 scenario to version 2: everything it had is kept; the rest takes the
/// defaults, with the period starting at the next quarter after `today` that has not started.
#[must_use]
pub fn migrate_v1(v1: SavedV1, today: YearMonth) -> SavedV2 {
    let defaults = SavedEnvelopeV2::from(&Scenario::starting(today)).scenario;
    SavedV2 {
        quota: v1.quota,
        deal: v1.deal,
        traffic: v1.traffic,
        round: v1.round,
        stages: v1.stages,
        ..defaults
    }
}

/// Validates a stored scenario: the second reading step. Versions 1 and 2 held no currency:
/// the plan takes `currency`, the reader's.
///
/// # Errors
/// Returns the first [`SavedError`] found.
pub fn validate(saved: &SavedV2, currency: Currency) -> Result<Scenario, SavedError> {
    let number = |field: &'static str| move |error| SavedError::Number { field, error };
    // Numbers go through the same exact parser as typed text, via the shortest decimal form
    // of the f64, so 0.1 stays 0.1.
    let quota = Money::parse(&plain(saved.quota)).map_err(number("quota"))?;
    let deal_size = Money::parse_positive(&plain(saved.deal)).map_err(number("deal"))?;
    let traffic = Volume::parse(&plain(saved.traffic)).map_err(number("traffic"))?;
    let rounding = Rounding::from_name(&saved.round)
        .ok_or_else(|| SavedError::Rounding(saved.round.clone()))?;
    let funnel = validate_funnel(&saved.stages)?;
    let count = funnel.stage_count();
    let stage_index = |field: &'static str, index: Option<usize>| match index {
        Some(index) if index >= count => Err(SavedError::Invalid(
            field,
            format!("there is no stage {index}"),
        )),
        other => Ok(other),
    };
    let invalid = |field: &'static str| {
        move |error: &dyn fmt::Display| SavedError::Invalid(field, error.to_string())
    };
    let channels = validate_channels(&saved.channels)?;
    let season = validate_season(saved.season.as_deref())?;
    let optional_days = saved
        .stagedays
        .as_ref()
        .map(|days| assumptions::parse_stage_days(&join_days(days)))
        .transpose()
        .map_err(|e| invalid("days per stage")(&e))?;
    Ok(Scenario {
        quota,
        deal_size,
        traffic,
        rounding,
        period: Period::from_name(&saved.period)
            .ok_or_else(|| invalid("period")(&"use month, quarter or year"))?,
        existing: Existing::Amount(
            Money::parse(&plain(saved.existing)).map_err(number("existing revenue"))?,
        ),
        marketing_share: Share::parse_percent(&plain(saved.share))
            .map_err(number("marketing share"))?,
        team: Team {
            reps: Reps::ramped(Volume::parse(&plain(saved.reps)).map_err(number("reps"))?),
            rep_quota: Money::parse(&plain(saved.repquota)).map_err(number("quota per rep"))?,
            attainment: Attainment::parse_percent(&plain(saved.attain))
                .map_err(number("attainment"))?,
        },
        costs: Costs {
            lead_stage: stage_index("lead stage", saved.leadstage)?,
            cost_per_lead: Money::parse(&plain(saved.cpl)).map_err(number("cost per lead"))?,
            channels,
            cap: saved
                .cap
                .map(|cap| Money::parse(&plain(cap)))
                .transpose()
                .map_err(number("budget cap"))?,
        },
        timing: Timing {
            start: YearMonth::parse(&saved.start).map_err(|e| invalid("first month")(&e))?,
            cycle_days: assumptions::parse_days(&saved.cycle.to_string())
                .map_err(number("sales cycle"))?,
            season,
            stage_days: optional_days,
        },
        handoff: Handoff {
            stage: stage_index("handoff stage", saved.handoff)?,
            followup_hours: assumptions::parse_followup(&saved.followup.to_string())
                .map_err(number("follow-up hours"))?,
            fte_reps: saved
                .ftereps
                .map(|reps| Volume::parse(&plain(reps)))
                .transpose()
                .map_err(number("handoff reps"))?,
        },
        funnel,
        currency,
    })
}

/// Validates stored stages into a funnel.
fn validate_funnel(stages: &[SavedStage]) -> Result<Funnel, SavedError> {
    let number = |field: &'static str| move |error| SavedError::Number { field, error };
    if stages.len() > Funnel::MAX_STAGES {
        return Err(SavedError::Funnel(FunnelError::TooManyStages(stages.len())));
    }
    let mut stages = stages.iter().enumerate();
    let top = match stages.next() {
        Some((_, stage)) => StageName::new(&stage.name).map_err(SavedError::Name)?,
        None => return Err(SavedError::Funnel(FunnelError::TooFewStages(0))),
    };
    let steps = stages
        .map(|(index, stage)| {
            let name = StageName::new(&stage.name).map_err(SavedError::Name)?;
            let percent = stage.rate.ok_or(SavedError::MissingRate(index))?;
            let rate = Rate::parse_percent(&plain(percent)).map_err(number("rate"))?;
            Ok(Step { name, rate })
        })
        .collect::<Result<Vec<_>, SavedError>>()?;
    Funnel::new(top, steps).map_err(SavedError::Funnel)
}

/// Validates stored channels: names, shares totalling 100 %, costs.
fn validate_channels(saved: &[SavedChannel]) -> Result<Vec<Channel>, SavedError> {
    let number = |field: &'static str| move |error| SavedError::Number { field, error };
    let invalid = |reason: String| SavedError::Invalid("channels", reason);
    if saved.len() > MAX_CHANNELS {
        return Err(invalid(format!("more than {MAX_CHANNELS} channels")));
    }
    let channels = saved
        .iter()
        .map(|c| {
            Ok(Channel {
                name: StageName::new(&c.name).map_err(SavedError::Name)?,
                share: Share::parse_percent(&plain(c.share)).map_err(number("channel share"))?,
                cost_per_lead: Money::parse(&plain(c.cpl)).map_err(number("channel cost"))?,
            })
        })
        .collect::<Result<Vec<_>, SavedError>>()?;
    Ok(channels)
}

/// Validates stored seasonality weights.
fn validate_season(weights: Option<&[f64]>) -> Result<Option<Season>, SavedError> {
    weights
        .map(|weights| {
            let text: Vec<String> = weights.iter().map(|&w| plain(w)).collect();
            Season::parse(&text.join(",")).map_err(|e| SavedError::Invalid("season", e.to_string()))
        })
        .transpose()
}

/// Writes a stored number as text for the exact parser. A value JSON cannot hold (the
/// browser reads `1e999` as infinity) is written so that the parser refuses it.
fn plain(value: f64) -> String {
    if value.is_finite() {
        crate::model::format::plain(value)
    } else {
        "infinite".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> YearMonth {
        YearMonth::new(2026, 11).unwrap()
    }

    fn read(text: &str) -> Scenario {
        decode(&SerdeJson, text, today()).unwrap().scenario
    }

    #[test]
    fn default_scenario_is_saved_as_documented_and_read_back() {
        let text = encode(&SerdeJson, &Scenario::starting(today()), &[]);
        assert!(
            text.starts_with(r#"{"version":3,"plan":{"attain":"100","cpl":"100","currency":"USD","cycle":"0","deal":"25000","existing":"0","followup":"24","period":"quarter","quota":"1000000","#),
            "{text}"
        );
        assert!(
            text.contains(r#""stages":"Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20""#),
            "{text}"
        );
        assert!(!text.contains("drafts"), "no drafts, no key: {text}");
        assert_eq!(
            decode(&SerdeJson, &text, today()),
            Ok(SavedPlan::clean(Scenario::starting(today())))
        );
    }

    #[test]
    fn drafts_are_saved_beside_the_plan() {
        let drafts = vec![
            ("deal".to_owned(), "450%".to_owned()),
            ("stage-rate-2".to_owned(), "2,5".to_owned()),
        ];
        let text = encode(&SerdeJson, &Scenario::starting(today()), &drafts);
        assert!(
            text.ends_with(r#""drafts":{"deal":"450%","stage-rate-2":"2,5"}}"#),
            "{text}"
        );
        let plan = decode(&SerdeJson, &text, today()).unwrap();
        assert_eq!(plan.drafts, drafts);
        assert_eq!(plan.scenario, Scenario::starting(today()));
    }

    #[test]
    fn fractional_values_survive_exactly() {
        let scenario = link::decode(
            &LinkParams::parse("quota=1234567.89&deal=0.1&traffic=0.3&stages=A,B:33.3333,C:0.0001"),
            today(),
        )
        .scenario;
        assert_eq!(read(&encode(&SerdeJson, &scenario, &[])), scenario);
    }

    #[test]
    fn a_bad_saved_value_falls_back_alone() {
        let text = r#"{"version":3,"plan":{"quota":"abc","deal":"40000","stages":"A,B:5","colour":"red"}}"#;
        let plan = decode(&SerdeJson, text, today()).unwrap();
        assert_eq!(plan.scenario.quota, Scenario::default_quota());
        assert_eq!(plan.scenario.deal_size, Money::from_units(40_000).unwrap());
        assert_eq!(plan.scenario.funnel.stage_count(), 2);
        let messages: Vec<String> = plan
            .problems
            .iter()
            .map(|p| p.message("saved plan"))
            .collect();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(
            messages[0].starts_with("The saved plan's quota \u{201c}abc\u{201d}"),
            "{messages:#?}"
        );
        assert!(
            messages[1].contains("\u{201c}colour\u{201d}"),
            "{messages:#?}"
        );
    }

    #[test]
    fn unreadable_text_is_an_error_not_a_panic() {
        let cases = [
            ("", "expected format (it ends too soon, at line 1 column 0)"),
            (
                "{not json",
                "expected format (it is not valid JSON, at line 1 column 2)",
            ),
            ("null", "expected format (a value is of the wrong kind"),
            (r#"{"version":4,"scenario":{}}"#, "version 4"),
            (
                r#"{"version":3,"scenario":{}}"#,
                "not expected, at line 1 column",
            ),
            (
                r#"{"version":1}"#,
                "missing or not expected, at line 1 column 13",
            ),
            (
                r#"{"version":1,"scenario":{"quota":-5,"deal":1,"traffic":0,"round":"stage","stages":[{"name":"A"},{"name":"B","rate":5}]}}"#,
                "quota is unusable",
            ),
            (
                r#"{"version":1,"scenario":{"quota":5,"deal":1,"traffic":0,"round":"stage","stages":[{"name":"A"},{"name":"B","rate":0}]}}"#,
                "rate is unusable",
            ),
            (
                r#"{"version":1,"scenario":{"quota":5,"deal":1,"traffic":0,"round":"stage","stages":[{"name":"A"},{"name":"B"}]}}"#,
                "stage 2 has no rate",
            ),
            (
                r#"{"version":1,"scenario":{"quota":5,"deal":1,"traffic":0,"round":"up","stages":[]}}"#,
                "rounding",
            ),
            (
                r#"{"version":1,"scenario":{"quota":5,"deal":1,"traffic":0,"round":"stage","stages":[{"name":"A"}]}}"#,
                "at least 2 stages",
            ),
            (
                r#"{"version":1,"scenario":{"quota":1e308,"deal":1,"traffic":0,"round":"stage","stages":[]}}"#,
                "at most",
            ),
        ];
        for (text, expected) in cases {
            let message = decode(&SerdeJson, text, today())
                .map(|_| ())
                .unwrap_err()
                .to_string();
            assert!(message.contains(expected), "{text}: {message}");
        }
    }

    #[test]
    fn version_1_plans_migrate_without_loss() {
        // Exactly what issue 2's page saved.
        let v1 = r#"{"version":1,"scenario":{"quota":2000000.0,"deal":60000.0,"traffic":150000.5,"round":"exact","stages":[{"name":"Site visits"},{"name":"Leads","rate":2.5},{"name":"Won","rate":12.3456}]}}"#;
        let scenario = read(v1);
        assert_eq!(scenario.quota, Money::from_units(2_000_000).unwrap());
        assert_eq!(scenario.deal_size, Money::from_units(60_000).unwrap());
        assert_eq!(scenario.traffic.to_plain(), "150000.5");
        assert_eq!(scenario.rounding, Rounding::Exact);
        assert_eq!(scenario.funnel.top().as_str(), "Site visits");
        assert_eq!(scenario.funnel.rate_into(2).unwrap().ppm(), 123_456);
        // Everything version 1 did not have takes the defaults.
        let defaults = Scenario::starting(today());
        assert_eq!(scenario.period, defaults.period);
        assert_eq!(scenario.team, defaults.team);
        assert_eq!(scenario.costs, defaults.costs);
        assert_eq!(scenario.timing, defaults.timing);
        assert_eq!(scenario.handoff, defaults.handoff);
        // Saving again writes version 3, which reads back to the same plan.
        let again = encode(&SerdeJson, &scenario, &[]);
        assert!(again.starts_with(r#"{"version":3,"#));
        assert_eq!(read(&again), scenario);
    }

    #[test]
    fn version_2_plans_migrate_without_loss() {
        // Exactly what issue 3's page saved, with every optional field.
        let v2 = r#"{"version":2,"scenario":{"quota":3000000.0,"deal":50000.0,"traffic":150000.0,"round":"stage","stages":[{"name":"Visitors"},{"name":"Leads","rate":2.5},{"name":"MQLs","rate":20.0},{"name":"Won","rate":10.0}],"period":"year","existing":600000.0,"share":60.0,"reps":8.0,"repquota":400000.0,"attain":85.0,"leadstage":1,"cpl":120.0,"channels":[{"name":"Search","share":70.0,"cpl":80.0},{"name":"Events, EU","share":30.0,"cpl":300.0}],"cap":500000.0,"start":"2027-02","cycle":90,"season":[1.0,1.0,1.0,1.0,1.0,1.0,0.5,0.5,1.0,1.0,1.0,2.0],"stagedays":[20,30],"handoff":2,"followup":48,"ftereps":3.5}}"#;
        let scenario = read(v2);
        let linked = link::decode(
            &LinkParams::parse(
                "quota=3000000&deal=50000&traffic=150000&stages=Visitors,Leads:2.5,MQLs:20,Won:10\
                 &period=year&existing=600000&share=60&reps=8&repquota=400000&attain=85\
                 &leadstage=1&cpl=120&channels=Search:70:80,Events%2C+EU:30:300&cap=500000\
                 &start=2027-02&cycle=90&season=1,1,1,1,1,1,0.5,0.5,1,1,1,2&stagedays=20,30\
                 &handoff=2&followup=48&ftereps=3.5",
            ),
            today(),
        );
        assert_eq!(linked.problems, []);
        assert_eq!(scenario, linked.scenario);
        assert_eq!(read(&encode(&SerdeJson, &scenario, &[])), scenario);
    }

    #[test]
    fn version_2_fields_are_validated() {
        let mut saved = SavedEnvelopeV2::from(&Scenario::starting(today()));
        saved.scenario.start = "2027-13".into();
        let text = serde_json::to_string(&saved).unwrap();
        assert!(
            decode(&SerdeJson, &text, today())
                .unwrap_err()
                .to_string()
                .contains("first month")
        );
        saved.scenario.start = "2027-01".into();
        saved.scenario.leadstage = Some(9);
        let text = serde_json::to_string(&saved).unwrap();
        assert!(
            decode(&SerdeJson, &text, today())
                .unwrap_err()
                .to_string()
                .contains("no stage 9")
        );
    }

    proptest::proptest! {
        #[test]
        fn storage_round_trip_is_identity(scenario in crate::codec::arbitrary::scenario()) {
            proptest::prop_assert_eq!(decode(&SerdeJson, &encode(&SerdeJson, &scenario, &[]), today()), Ok(SavedPlan::clean(scenario)));
        }
    }
}
