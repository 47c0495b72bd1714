//! The saved plan: a versioned JSON envelope in the browser's storage.
//!
//! `{"version":1,"scenario":{"quota":1000000,"deal":25000,"traffic":200000,"round":"stage",
//! "stages":[{"name":"Visitors"},{"name":"Leads","rate":2},…]}}`
//!
//! Reading takes two steps: JSON text into the [`SavedEnvelope`] DTO, then validation into a
//! [`Scenario`]. Anything unreadable is a [`SavedError`]; the caller keeps the text as a backup.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{
    Funnel, FunnelError, Money, NameError, NumberError, Rate, Rounding, Scenario, StageName, Step,
    Volume,
};

/// The storage format version this page writes and reads.
pub const VERSION: u32 = 1;

/// The stored envelope: a version and the scenario in plain JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedEnvelope {
    /// Format version; only [`VERSION`] is read.
    pub version: u32,
    /// The scenario.
    pub scenario: SavedScenario,
}

/// A scenario as stored: plain numbers and strings, not yet validated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedScenario {
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

/// A stage as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedStage {
    /// The stage's name.
    pub name: String,
    /// Conversion rate in percent from the stage above; absent for the top stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
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
    Plan(Scenario),
    /// Saved text that could not be read.
    Unreadable {
        /// Why it could not be read.
        error: SavedError,
        /// Whether the text was kept under a backup key.
        kept: bool,
    },
    /// Storage cannot be used in this browser (blocked or disabled).
    Unavailable,
}

impl From<&Scenario> for SavedEnvelope {
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
        Self {
            version: VERSION,
            scenario: SavedScenario {
                quota: scenario.quota.to_f64(),
                deal: scenario.deal_size.to_f64(),
                traffic: scenario.traffic.units(),
                round: scenario.rounding.as_str().to_owned(),
                stages,
            },
        }
    }
}

/// Writes a scenario as the stored JSON text.
#[must_use]
pub fn encode(scenario: &Scenario) -> String {
    serde_json::to_string(&SavedEnvelope::from(scenario))
        .unwrap_or_else(|_| unreachable!("plain data always serialises"))
}

/// Reads stored JSON text back into a scenario.
///
/// # Errors
/// Returns a [`SavedError`] when the text is not a saved scenario this page can use.
pub fn decode(text: &str) -> Result<Scenario, SavedError> {
    // Read the version first, so a newer format is named as such rather than as garbage.
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }
    let version: VersionOnly =
        serde_json::from_str(text).map_err(|error| SavedError::Format(error.to_string()))?;
    if version.version != VERSION {
        return Err(SavedError::UnknownVersion(version.version));
    }
    let envelope: SavedEnvelope =
        serde_json::from_str(text).map_err(|error| SavedError::Format(error.to_string()))?;
    validate(&envelope.scenario)
}

/// Validates a stored scenario: the second reading step.
///
/// # Errors
/// Returns the first [`SavedError`] found.
pub fn validate(saved: &SavedScenario) -> Result<Scenario, SavedError> {
    let number = |field: &'static str, error| SavedError::Number { field, error };
    // Numbers go through the same exact parser as typed text, via the shortest decimal form
    // of the f64, so 0.1 stays 0.1.
    let quota = Money::parse(&plain(saved.quota)).map_err(|e| number("quota", e))?;
    let deal_size = Money::parse_positive(&plain(saved.deal)).map_err(|e| number("deal", e))?;
    let traffic = Volume::parse(&plain(saved.traffic)).map_err(|e| number("traffic", e))?;
    let rounding = Rounding::from_name(&saved.round)
        .ok_or_else(|| SavedError::Rounding(saved.round.clone()))?;
    if saved.stages.len() > Funnel::MAX_STAGES {
        return Err(SavedError::Funnel(FunnelError::TooManyStages(
            saved.stages.len(),
        )));
    }
    let mut stages = saved.stages.iter().enumerate();
    let top = match stages.next() {
        Some((_, stage)) => StageName::new(&stage.name).map_err(SavedError::Name)?,
        None => return Err(SavedError::Funnel(FunnelError::TooFewStages(0))),
    };
    let steps = stages
        .map(|(index, stage)| {
            let name = StageName::new(&stage.name).map_err(SavedError::Name)?;
            let percent = stage.rate.ok_or(SavedError::MissingRate(index))?;
            let rate = Rate::parse_percent(&plain(percent)).map_err(|e| number("rate", e))?;
            Ok(Step { name, rate })
        })
        .collect::<Result<Vec<_>, SavedError>>()?;
    let funnel = Funnel::new(top, steps).map_err(SavedError::Funnel)?;
    Ok(Scenario {
        quota,
        deal_size,
        traffic,
        funnel,
        rounding,
    })
}

/// Writes a stored number as text for the exact parser (NaN cannot come from JSON).
fn plain(value: f64) -> String {
    crate::model::format::plain(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_is_saved_as_documented_and_read_back() {
        let text = encode(&Scenario::default());
        assert!(text.starts_with(
            r#"{"version":1,"scenario":{"quota":1000000.0,"deal":25000.0,"traffic":200000.0,"round":"stage","stages":[{"name":"Visitors"},{"name":"Leads","rate":2.0}"#
        ), "{text}");
        assert_eq!(decode(&text), Ok(Scenario::default()));
    }

    #[test]
    fn fractional_values_survive_exactly() {
        let scenario = crate::codec::link::decode(&crate::codec::link::LinkParams::parse(
            "quota=1234567.89&deal=0.1&traffic=0.3&stages=A,B:33.3333,C:0.0001",
        ))
        .scenario;
        assert_eq!(decode(&encode(&scenario)), Ok(scenario));
    }

    #[test]
    fn unreadable_text_is_an_error_not_a_panic() {
        let cases = [
            ("", "expected format"),
            ("{not json", "expected format"),
            ("null", "expected format"),
            (r#"{"version":2,"scenario":{}}"#, "version 2"),
            (r#"{"version":1}"#, "expected format"),
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
            let message = decode(text).map(|_| ()).unwrap_err().to_string();
            assert!(message.contains(expected), "{text}: {message}");
        }
    }
}
