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
//! Version 1 (issue 2) held only the first five fields. Reading takes two steps: JSON text into
//! a DTO ([`SavedEnvelope`], or [`SavedV2`] inside the older envelopes), then
//! the link decoder: versions 1 and 2 are written as their link's parameters first, so every
//! version is validated by the same rules, each unusable value falling back to its default
//! alone, and whatever they did not have takes the defaults. Text that is not a saved plan at
//! all is a [`SavedError`]; the caller keeps it as a backup.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::link::{self, LinkParams, LinkProblem};
use super::percent;
use crate::model::form::join_days;
use crate::model::{Local, Money, Scenario, Volume};

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

/// A version-1 or version-2 scenario as stored, not yet validated. Version 1 (issue 2's page)
/// held only the first five fields; version 2 (issue 3's) held them all, with the optional
/// ones marked. Fields a text leaves out take their defaults.
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Revenue from existing customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<f64>,
    /// Marketing-sourced share of deals, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// Ramped reps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<f64>,
    /// Quota per rep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repquota: Option<f64>,
    /// Attainment, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attain: Option<f64>,
    /// Chosen lead stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leadstage: Option<usize>,
    /// Blended cost per lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpl: Option<f64>,
    /// Channels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<SavedChannel>,
    /// Budget cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<f64>,
    /// First month, `YYYY-MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Sales cycle, days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<u32>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followup: Option<u32>,
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

/// A version-1 or version-2 envelope, as read.
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
}

impl fmt::Display for SavedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Format(message) => write!(f, "it is not in the expected format ({message})"),
            Self::UnknownVersion(version) => write!(
                f,
                "it was saved in format version {version}, which this page does not know"
            ),
        }
    }
}

impl std::error::Error for SavedError {}

/// What the browser's storage holds, as read by the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// No saved workspace, and no earlier saved plan to migrate.
    Empty,
    /// The saved workspace (or the earlier saved plans migrated into one), read and
    /// validated.
    Workspace(Box<super::workspace::ReadWorkspace>),
    /// Saved text that could not be read.
    Unreadable {
        /// Why it could not be read.
        error: SavedError,
        /// Whether the text was kept under a backup key.
        kept: bool,
    },
    /// Storage cannot be used in this browser (blocked or disabled).
    Unavailable,
    /// Storage is there, but reading the saved workspace failed; holds the browser's reason.
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
                period: Some(scenario.period.as_str().to_owned()),
                existing: Some(scenario.existing_amount().to_f64()),
                share: Some(percent(scenario.marketing_share.ppm())),
                reps: Some(team.reps.ramped_reps()),
                repquota: Some(team.rep_quota.to_f64()),
                attain: Some(percent(team.attainment.ppm())),
                leadstage: costs.lead_stage,
                cpl: Some(costs.cost_per_lead.to_f64()),
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
                start: Some(timing.start.to_string()),
                cycle: Some(timing.cycle_days),
                season: timing.season.as_ref().map(|season| {
                    (1..=12)
                        .map(|m| f64::from(season.weight(m)) / 100.0)
                        .collect()
                }),
                stagedays: timing.stage_days.clone(),
                handoff: handoff.stage,
                followup: Some(handoff.followup_hours),
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
        1 | 2 => {
            let read: EnvelopeV2 = json.read(text).map_err(SavedError::Format)?;
            let plan = v2_params(&read.scenario);
            let pairs = plan.iter().map(|(k, v)| (*k, v.as_str()));
            Ok(from_params(pairs, Vec::new(), local))
        }
        VERSION => {
            let read: SavedEnvelope = json.read(text).map_err(SavedError::Format)?;
            let pairs = read.plan.iter().map(|(k, v)| (k.as_str(), v.as_str()));
            Ok(from_params(pairs, read.drafts.into_iter().collect(), local))
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

/// JSON through `serde_json`, for native tests.
#[cfg(test)]
pub struct SerdeJson;

#[cfg(test)]
impl Json for SerdeJson {
    fn read<T: DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        use crate::model::wording;
        use serde_json::error::Category;
        serde_json::from_str(text).map_err(|error| {
            let what = match error.classify() {
                Category::Eof => "it ends too soon",
                Category::Syntax | Category::Io => wording::NOT_VALID_JSON,
                Category::Data => wording::NOT_THE_SHAPE,
            };
            format!("{what}, at line {} column {}", error.line(), error.column())
        })
    }

    fn write<T: Serialize>(&self, value: &T) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }
}

/// Reads a plan from its link's parameters (raw values, as links write them), as every saved
/// version is read: each unusable value falls back to its default alone, with a problem.
pub(super) fn from_params<'a>(
    plan: impl IntoIterator<Item = (&'a str, &'a str)>,
    drafts: Vec<(String, String)>,
    local: Local,
) -> SavedPlan {
    let params = LinkParams::from_pairs(plan);
    let decoded = link::decode(&params, local);
    SavedPlan {
        scenario: decoded.scenario,
        drafts,
        // Days per stage that do not fit are explained beside their field.
        problems: decoded
            .problems
            .into_iter()
            .filter(|problem| !matches!(problem, LinkProblem::StepCount { .. }))
            .collect(),
    }
}

/// A version-1 or version-2 scenario as its link's parameters (its fields have the links'
/// names); what it left out takes the defaults, with the period starting at the next one that
/// has not started. Neither version held a currency: the plan takes the reader's.
fn v2_params(v2: &SavedV2) -> Vec<(&'static str, String)> {
    let items: Vec<String> = v2
        .channels
        .iter()
        .map(|c| {
            format!(
                "{}:{}:{}",
                percent::encode(&c.name),
                plain(c.share),
                plain(c.cpl)
            )
        })
        .collect();
    let whole = |value: u32| value.to_string();
    let fields = [
        ("quota", Some(plain(v2.quota))),
        ("deal", Some(plain(v2.deal))),
        ("traffic", Some(plain(v2.traffic))),
        ("round", Some(percent::encode(&v2.round))),
        ("stages", Some(stages_param(&v2.stages))),
        ("period", v2.period.as_deref().map(percent::encode)),
        ("existing", v2.existing.map(plain)),
        ("share", v2.share.map(plain)),
        ("reps", v2.reps.map(plain)),
        ("repquota", v2.repquota.map(plain)),
        ("attain", v2.attain.map(plain)),
        ("leadstage", v2.leadstage.map(|index| index.to_string())),
        ("cpl", v2.cpl.map(plain)),
        ("channels", (!items.is_empty()).then(|| items.join(","))),
        ("cap", v2.cap.map(plain)),
        ("start", v2.start.as_deref().map(percent::encode)),
        ("cycle", v2.cycle.map(whole)),
        (
            "season",
            v2.season.as_ref().map(|weights| {
                weights
                    .iter()
                    .map(|&w| plain(w))
                    .collect::<Vec<_>>()
                    .join(",")
            }),
        ),
        ("stagedays", v2.stagedays.as_deref().map(join_days)),
        ("handoff", v2.handoff.map(|index| index.to_string())),
        ("followup", v2.followup.map(whole)),
        ("ftereps", v2.ftereps.map(plain)),
    ];
    fields
        .into_iter()
        .filter_map(|(key, value)| value.map(|value| (key, value)))
        .collect()
}

/// Stored stages as the link's `stages` parameter; a stage below the top with no rate is
/// written without one, which the decoder reports.
fn stages_param(stages: &[SavedStage]) -> String {
    stages
        .iter()
        .map(|stage| match stage.rate {
            Some(rate) => format!("{}:{}", percent::encode(&stage.name), plain(rate)),
            None => percent::encode(&stage.name),
        })
        .collect::<Vec<_>>()
        .join(",")
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
    use crate::model::{Rounding, YearMonth};

    fn today() -> YearMonth {
        YearMonth::new(2026, 11).unwrap()
    }

    /// The problems of a read plan, as the notices say them.
    fn messages(plan: &SavedPlan) -> Vec<String> {
        plan.problems
            .iter()
            .map(|p| p.message("saved plan"))
            .collect()
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
        let messages = messages(&plan);
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
    fn old_versions_unusable_values_fall_back_alone_with_a_problem() {
        // (stored text, what the problem says, what still holds)
        let v1 = |scenario: &str| format!(r#"{{"version":1,"scenario":{scenario}}}"#);
        let cases = [
            (
                v1(
                    r#"{"quota":-5,"deal":1,"traffic":0,"round":"stage","stages":[{"name":"A"},{"name":"B","rate":5}]}"#,
                ),
                "quota \u{201c}-5\u{201d}",
            ),
            (
                v1(
                    r#"{"quota":5,"deal":1,"traffic":0,"round":"stage","stages":[{"name":"A"},{"name":"B","rate":0}]}"#,
                ),
                "stages",
            ),
            (
                v1(
                    r#"{"quota":5,"deal":1,"traffic":0,"round":"stage","stages":[{"name":"A"},{"name":"B"}]}"#,
                ),
                "stages",
            ),
            (
                v1(
                    r#"{"quota":5,"deal":1,"traffic":0,"round":"up","stages":[{"name":"A"},{"name":"B","rate":5}]}"#,
                ),
                "round \u{201c}up\u{201d}",
            ),
            (
                v1(r#"{"quota":5,"deal":1,"traffic":0,"round":"stage","stages":[{"name":"A"}]}"#),
                "stages",
            ),
            (
                v1(
                    r#"{"quota":1e308,"deal":1,"traffic":0,"round":"stage","stages":[{"name":"A"},{"name":"B","rate":5}]}"#,
                ),
                "at most",
            ),
        ];
        for (text, expected) in cases {
            let plan = decode(&SerdeJson, &text, today()).unwrap();
            let messages = messages(&plan);
            assert_eq!(messages.len(), 1, "{text}: {messages:#?}");
            assert!(messages[0].contains(expected), "{text}: {messages:#?}");
            // The deal size, valid in every case, is kept.
            assert_eq!(
                plan.scenario.deal_size,
                Money::from_units(1).unwrap(),
                "{text}"
            );
        }
        let mut saved = SavedEnvelopeV2::from(&Scenario::starting(today()));
        saved.scenario.start = Some("2027-13".into());
        saved.scenario.leadstage = Some(9);
        saved.scenario.deal = 40_000.0;
        let plan = decode(&SerdeJson, &serde_json::to_string(&saved).unwrap(), today()).unwrap();
        let messages = messages(&plan);
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(
            messages.iter().any(|m| m.contains("2027-13")),
            "{messages:#?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("leadstage")),
            "{messages:#?}"
        );
        assert_eq!(plan.scenario.deal_size, Money::from_units(40_000).unwrap());
        assert_eq!(
            plan.scenario.timing.start,
            Scenario::starting(today()).timing.start
        );
    }

    proptest::proptest! {
        #[test]
        fn storage_round_trip_is_identity(scenario in crate::codec::arbitrary::scenario()) {
            proptest::prop_assert_eq!(decode(&SerdeJson, &encode(&SerdeJson, &scenario, &[]), today()), Ok(SavedPlan::clean(scenario)));
        }
    }
}
