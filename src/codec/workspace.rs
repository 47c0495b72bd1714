//! The workspace as stored and exported: storage format version 4, a versioned JSON envelope
//! of named scenarios, each held as its link's parameters (as version 3 holds one plan):
//! `{"version":4,"current":"s2","scenarios":[{"id":"s1","name":"Baseline",
//! "plan":{"quota":"1000000",…},"drafts":{"deal":"450%"}},…],"next":3}`, where `next` is the
//! number the next new scenario's identity takes (so that none is ever given twice).
//!
//! Reading takes the same two steps as every stored version: JSON text into the envelope
//! (every field of a scenario optional, so that what is missing is listed, not only the
//! first), then each plan through the link decoder. Earlier versions migrate: a version 1, 2
//! or 3 plan becomes the workspace's one scenario, and [`migrate`] turns the page's single
//! saved plan and its kept-aside copies into scenarios.
//!
//! The same envelope is the JSON export of one scenario or of the whole workspace, and
//! [`import`] reads it strictly: a file with any problem is refused with every problem
//! listed, and a file too large or too deeply nested is refused before it is parsed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::saved::{self, Json, SavedError, SavedPlan};
use crate::model::actuals::{ActualsLog, Figure, Recorded};
use crate::model::period::YearMonth;
use crate::model::workspace::{Entry, ScenarioName, Workspace};
use crate::model::{Local, Money, Scenario, wording};

/// The storage format version the workspace is written in.
pub const VERSION: u32 = 4;

/// The largest file [`import`] reads: 5 MB, far above a workspace of hundreds of scenarios.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The deepest nesting of arrays and objects [`import`] reads; the envelope needs 3.
pub const MAX_IMPORT_DEPTH: usize = 16;

/// The name the page's single saved plan takes as a scenario.
pub const MIGRATED_NAME: &str = "My plan";

/// The name a kept-aside copy of a saved plan takes as a scenario.
pub const PREVIOUS_NAME: &str = "Previous plan";

/// The name an imported plan with no name of its own takes.
pub const IMPORTED_NAME: &str = "Imported plan";

/// A scenario as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEntry {
    /// Stable identity.
    #[serde(default)]
    pub id: Option<String>,
    /// The scenario's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The plan as its link's parameters, name to raw value.
    #[serde(default)]
    pub plan: Option<BTreeMap<String, String>>,
    /// Text of fields that was not valid when saved, keyed by `data-testid`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts: BTreeMap<String, String>,
    /// What each month really brought, by month (`2027-01`); left out when nothing is
    /// recorded.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub actuals: BTreeMap<String, StoredMonth>,
}

/// One month's recorded figures as stored: each stage's volume by the stage's name, and the
/// revenue, as plain numbers in text (`"900"`, `"125000.5"`), like the plan's values.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMonth {
    /// Each stage's volume, by the stage's name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stages: BTreeMap<String, String>,
    /// The month's revenue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<String>,
}

/// The stored form of a scenario's actuals.
fn stored_actuals(log: &ActualsLog) -> BTreeMap<String, StoredMonth> {
    log.months()
        .map(|(month, recorded)| {
            let stages = recorded
                .stages
                .iter()
                .map(|(name, volume)| (name.clone(), volume.to_plain()))
                .collect();
            let revenue = recorded.revenue.map(Money::to_plain);
            (month.to_string(), StoredMonth { stages, revenue })
        })
        .collect()
}

/// Reads stored actuals; a figure that cannot be read is left out alone, with a problem
/// naming its month and stage (the text it came from is kept aside by the storage reader).
fn read_actuals(stored: BTreeMap<String, StoredMonth>, label: &str) -> (ActualsLog, Vec<String>) {
    let mut problems = Vec::new();
    let mut months = Vec::new();
    for (key, month) in stored {
        let Ok(at) = YearMonth::parse(&key) else {
            problems.push(wording::actuals::bad_stored_month(label, &key));
            continue;
        };
        let mut recorded = Recorded::default();
        let figures = month
            .stages
            .into_iter()
            .map(|(stage, text)| (Figure::Stage(stage), text))
            .chain(month.revenue.map(|text| (Figure::Revenue, text)));
        for (figure, text) in figures {
            if let Err(error) = recorded.read(&figure, &text) {
                let name = match &figure {
                    Figure::Stage(name) => name.as_str(),
                    Figure::Revenue => wording::actuals::REVENUE,
                };
                problems.push(wording::actuals::bad_stored_figure(
                    label,
                    &key,
                    name,
                    &text,
                    &error.to_string(),
                ));
            }
        }
        months.push((at, recorded));
    }
    (ActualsLog::new(months), problems)
}

/// The stored workspace (version 4).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceEnvelope {
    /// Format version: [`VERSION`].
    pub version: u32,
    /// Identity of the current scenario.
    #[serde(default)]
    pub current: String,
    /// The scenarios, in order.
    #[serde(default)]
    pub scenarios: Vec<StoredEntry>,
    /// The number the next new identity takes, so that identities are never given twice.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub next: u64,
}

/// A workspace as read back, with what had to be fixed to read it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadWorkspace {
    /// The workspace.
    pub workspace: Workspace,
    /// What could not be used, each in plain words naming its scenario; each fell back
    /// alone (a value to its default, a name to `Scenario n`).
    pub problems: Vec<String>,
    /// Whether it was migrated from an earlier version (storage has not got it yet).
    pub migrated: bool,
}

/// Whether a stored number is zero (and so left out).
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(number: &u64) -> bool {
    *number == 0
}

impl StoredEntry {
    /// The stored form of a scenario.
    #[must_use]
    pub fn new(entry: &Entry) -> Self {
        let envelope = saved::SavedEnvelope::new(&entry.plan, &entry.drafts);
        Self {
            id: Some(entry.id.clone()),
            name: Some(entry.name.to_string()),
            plan: Some(envelope.plan),
            drafts: envelope.drafts,
            actuals: stored_actuals(&entry.actuals),
        }
    }
}

/// Writes a workspace as stored JSON text (the whole workspace's JSON export too).
#[must_use]
pub fn encode(json: &impl Json, workspace: &Workspace) -> String {
    json.write(&WorkspaceEnvelope {
        version: VERSION,
        current: workspace.current().id.clone(),
        next: workspace.next_number(),
        scenarios: workspace.entries().iter().map(StoredEntry::new).collect(),
    })
}

/// Writes one scenario, with the text of its fields that is not valid yet, as a workspace of
/// that scenario alone: the current scenario's JSON export.
#[must_use]
pub fn encode_one(json: &impl Json, entry: &Entry) -> String {
    json.write(&WorkspaceEnvelope {
        version: VERSION,
        current: entry.id.clone(),
        scenarios: vec![StoredEntry::new(entry)],
        next: 0,
    })
}

/// Reads one stored scenario, the `position`-th (from 1): its name, or `Scenario n` with a
/// problem; its plan, each unusable value at its default with a problem.
fn read_entry(stored: StoredEntry, position: usize, local: Local) -> (Entry, Vec<String>) {
    let mut problems = Vec::new();
    let label = stored.name.clone().unwrap_or_default();
    let label = if label.trim().is_empty() {
        format!("Scenario {position}")
    } else {
        format!("Scenario {position} (\u{201c}{}\u{201d})", label.trim())
    };
    let name = match stored.name.as_deref().map(ScenarioName::new) {
        Some(Ok(name)) => name,
        Some(Err(error)) => {
            problems.push(format!("{label}: its name cannot be used: {error}"));
            fallback_name(position)
        }
        None => {
            problems.push(format!("{label} has no name."));
            fallback_name(position)
        }
    };
    let plan = if let Some(plan) = stored.plan {
        let pairs = plan.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        saved::from_params(pairs, stored.drafts.into_iter().collect(), local)
    } else {
        problems.push(format!("{label} has no plan."));
        SavedPlan::clean(Scenario::starting(local))
    };
    problems.extend(
        plan.problems
            .iter()
            .map(|problem| format!("{label}: {problem}")),
    );
    let (actuals, more) = read_actuals(stored.actuals, &label);
    problems.extend(more);
    let entry = Entry {
        id: stored.id.unwrap_or_default(),
        name,
        plan: plan.scenario,
        drafts: plan.drafts,
        actuals,
    };
    (entry, problems)
}

/// Reads stored scenarios in order, with every problem found in any of them.
fn read_entries(stored: Vec<StoredEntry>, local: Local) -> (Vec<Entry>, Vec<String>) {
    let mut problems = Vec::new();
    let entries = stored
        .into_iter()
        .enumerate()
        .map(|(index, stored)| {
            let (entry, more) = read_entry(stored, index + 1, local);
            problems.extend(more);
            entry
        })
        .collect();
    (entries, problems)
}

/// `Scenario n`, always a valid name.
fn fallback_name(position: usize) -> ScenarioName {
    ScenarioName::new(&format!("Scenario {position}")).unwrap_or_else(|_| named(IMPORTED_NAME))
}

/// A fixed name of the page's; they are all valid.
fn named(text: &str) -> ScenarioName {
    ScenarioName::new(text).unwrap_or_else(|_| named("Plan"))
}

/// Reads the version of stored text.
fn version(json: &impl Json, text: &str) -> Result<u32, SavedError> {
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }
    json.read::<VersionOnly>(text)
        .map(|read| read.version)
        .map_err(SavedError::Format)
}

/// Reads stored text as a workspace: version 4 as it is, versions 1 to 3 (one saved plan) as
/// a workspace of that plan, named [`MIGRATED_NAME`].
///
/// # Errors
/// Returns a [`SavedError`] when the text is not a workspace or plan this page can read at
/// all, or holds no scenario.
pub fn decode(
    json: &impl Json,
    text: &str,
    local: impl Into<Local>,
) -> Result<ReadWorkspace, SavedError> {
    let local = local.into();
    match version(json, text)? {
        VERSION => {
            let envelope: WorkspaceEnvelope = json.read(text).map_err(SavedError::Format)?;
            let (entries, problems) = read_entries(envelope.scenarios, local);
            let mut workspace = Workspace::from_entries(entries, &envelope.current)
                .ok_or_else(|| SavedError::Format("it holds no scenario".to_owned()))?;
            workspace.continue_from(envelope.next);
            Ok(ReadWorkspace {
                workspace,
                problems,
                migrated: false,
            })
        }
        1..=3 => {
            let plan = saved::decode(json, text, local)?;
            Ok(single(MIGRATED_NAME, plan))
        }
        other => Err(SavedError::UnknownVersion(other)),
    }
}

/// A workspace of one saved plan.
fn single(name: &str, plan: SavedPlan) -> ReadWorkspace {
    let problems = plan
        .problems
        .iter()
        .map(|problem| format!("\u{201c}{name}\u{201d}: {problem}"))
        .collect();
    let workspace = Workspace::new(named(name), plan.scenario, plan.drafts);
    ReadWorkspace {
        workspace,
        problems,
        migrated: true,
    }
}

/// Builds the first workspace from what earlier versions stored: the single saved plan
/// (`plan`, of version 1, 2 or 3) becomes [`MIGRATED_NAME`], and each kept-aside copy
/// (`previous`) a [`PREVIOUS_NAME`] scenario, unless it holds the same plan as one already
/// there. The plan stays current. Text that cannot be read is left out here; the caller
/// keeps it in storage, untouched. Returns `None` when nothing could be read.
#[must_use]
pub fn migrate<'a>(
    json: &impl Json,
    plan: Option<&str>,
    previous: impl IntoIterator<Item = &'a str>,
    local: impl Into<Local>,
) -> Option<ReadWorkspace> {
    let local = local.into();
    let mut read = plan
        .and_then(|text| saved::decode(json, text, local).ok())
        .map(|plan| single(MIGRATED_NAME, plan));
    for text in previous {
        let Ok(copy) = saved::decode(json, text, local) else {
            continue;
        };
        match read.as_mut() {
            None => read = Some(single(PREVIOUS_NAME, copy)),
            Some(read) => {
                if read.workspace.find_plan(&copy.scenario).is_none() {
                    read.workspace
                        .add(named(PREVIOUS_NAME), copy.scenario, copy.drafts);
                }
            }
        }
    }
    // The first scenario (the saved plan, when it could be read) stays current.
    if let Some(read) = read.as_mut() {
        read.workspace.switch(0);
    }
    read
}

/// The deepest nesting of arrays and objects in JSON text, counted outside strings, stopping
/// as soon as it passes `limit`: a linear scan, far quicker than a parse.
fn depth_over(text: &str, limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0_usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Why a file of `bytes` bytes is not imported, if it is too large: checked before the file
/// is read, and again on its text.
#[must_use]
pub fn too_large(bytes: usize) -> Option<String> {
    (bytes > MAX_IMPORT_BYTES).then(|| {
        format!(
            "The file is {} MB; files of up to {} MB can be imported.",
            bytes.div_ceil(1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )
    })
}

/// Reads an exported file for import: the scenarios it holds, or every problem with it.
///
/// A file over [`MAX_IMPORT_BYTES`] or nested deeper than [`MAX_IMPORT_DEPTH`] is refused
/// before it is parsed. A version 1 to 3 plan is one scenario, [`IMPORTED_NAME`]. Unlike
/// storage, which keeps what it can, a file with any problem imports nothing: a shared file
/// is checked whole, and each problem is listed.
///
/// # Errors
/// Returns every problem found, in the page's words.
pub fn import(
    json: &impl Json,
    text: &str,
    local: impl Into<Local>,
) -> Result<Vec<Entry>, Vec<String>> {
    let local = local.into();
    if let Some(problem) = too_large(text.len()) {
        return Err(vec![problem]);
    }
    if depth_over(text, MAX_IMPORT_DEPTH) {
        return Err(vec![format!(
            "The file nests deeper than {MAX_IMPORT_DEPTH} levels, so it is not a Funnel \
             Planner export."
        )]);
    }
    let not_export = |error: SavedError| vec![format!("The file cannot be read: {error}.")];
    match version(json, text).map_err(not_export)? {
        VERSION => {
            let envelope: WorkspaceEnvelope = json
                .read(text)
                .map_err(|e| not_export(SavedError::Format(e)))?;
            if envelope.scenarios.is_empty() {
                return Err(vec!["The file holds no scenario.".to_owned()]);
            }
            let (entries, problems) = read_entries(envelope.scenarios, local);
            if problems.is_empty() {
                Ok(entries)
            } else {
                Err(problems)
            }
        }
        1..=3 => {
            let read = single(
                IMPORTED_NAME,
                saved::decode(json, text, local).map_err(not_export)?,
            );
            if read.problems.is_empty() {
                Ok(read.workspace.entries().to_vec())
            } else {
                Err(read.problems)
            }
        }
        other => Err(not_export(SavedError::UnknownVersion(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::saved::SerdeJson;
    use crate::model::{Volume, YearMonth};

    fn local() -> Local {
        Local::from(YearMonth::new(2026, 11).unwrap())
    }

    /// A version-3 plan as issue 6's page saved it: quota 2,000,000 with a draft deal size.
    const V3: &str = r#"{"version":3,"plan":{"quota":"2000000","deal":"40000","stages":"Visitors,Leads:2,MQLs:25,Won:10","start":"2027-01","currency":"EUR"},"drafts":{"deal":"450%"}}"#;
    /// A version-2 plan (issue 3's page).
    const V2: &str = r#"{"version":2,"scenario":{"quota":3000000.0,"deal":50000.0,"traffic":150000.0,"round":"stage","stages":[{"name":"Visitors"},{"name":"Leads","rate":2.5},{"name":"Won","rate":10.0}],"period":"year","start":"2027-02"}}"#;
    /// A version-1 plan (issue 2's page).
    const V1: &str = r#"{"version":1,"scenario":{"quota":500000.0,"deal":5000.0,"traffic":90000.0,"round":"exact","stages":[{"name":"Site visits"},{"name":"Leads","rate":2.5},{"name":"Won","rate":12.5}]}}"#;

    #[test]
    fn every_earlier_version_migrates_to_a_workspace_without_loss() {
        for (text, quota) in [(V1, 500_000), (V2, 3_000_000), (V3, 2_000_000)] {
            let direct = saved::decode(&SerdeJson, text, local()).unwrap();
            let read = decode(&SerdeJson, text, local()).unwrap();
            assert_eq!(read.workspace.names(), [MIGRATED_NAME]);
            let entry = read.workspace.current();
            assert_eq!(
                entry.plan, direct.scenario,
                "the plan as the old reader reads it"
            );
            assert_eq!(entry.plan.quota, Money::from_units(quota).unwrap());
            assert_eq!(entry.drafts, direct.drafts);
            assert_eq!(read.problems, Vec::<String>::new());
        }
        let read = decode(&SerdeJson, V3, local()).unwrap();
        assert_eq!(
            read.workspace.current().drafts,
            [("deal".into(), "450%".into())]
        );
    }

    #[test]
    fn the_saved_plan_and_its_kept_copies_become_scenarios() {
        let read = migrate(&SerdeJson, Some(V3), [V2, V1, V3, "not json"], local()).unwrap();
        assert_eq!(
            read.workspace.names(),
            [MIGRATED_NAME, PREVIOUS_NAME, "Previous plan (2)"],
            "a copy equal to the plan is not added twice; unreadable text is left out"
        );
        assert_eq!(read.workspace.current().name.as_str(), MIGRATED_NAME);
        let only_copy = migrate(&SerdeJson, None, [V1], local()).unwrap();
        assert_eq!(only_copy.workspace.names(), [PREVIOUS_NAME]);
        assert!(migrate(&SerdeJson, Some("{"), [], local()).is_none());
    }

    #[test]
    fn a_workspace_reads_back_as_written() {
        let mut workspace = decode(&SerdeJson, V3, local()).unwrap().workspace;
        let v2 = saved::decode(&SerdeJson, V2, local()).unwrap();
        workspace.add(
            ScenarioName::new("Stretch, EU").unwrap(),
            v2.scenario,
            Vec::new(),
        );
        workspace.switch(0);
        let text = encode(&SerdeJson, &workspace);
        assert!(text.starts_with(
            r#"{"version":4,"current":"s1","scenarios":[{"id":"s1","name":"My plan","plan":{"#
        ));
        let read = decode(&SerdeJson, &text, local()).unwrap();
        assert_eq!(read.workspace, workspace);
        assert_eq!(read.problems, Vec::<String>::new());
    }

    #[test]
    fn stored_scenarios_fall_back_alone_and_say_so() {
        let text = r#"{"version":4,"current":"s9","scenarios":[{"id":"s1","name":"Good","plan":{"quota":"abc","deal":"1000"}},{"id":"s2","plan":{}},{"id":"s3","name":"Bad\u202ename"}]}"#;
        let read = decode(&SerdeJson, text, local()).unwrap();
        assert_eq!(read.workspace.names(), ["Good", "Scenario 2", "Scenario 3"]);
        assert_eq!(read.workspace.current().name.as_str(), "Good");
        assert_eq!(
            read.workspace.entries()[0].plan.deal_size,
            Money::from_units(1000).unwrap()
        );
        let problems = read.problems.join("\n");
        assert!(
            problems.contains("Scenario 1 (\u{201c}Good\u{201d}): "),
            "{problems}"
        );
        assert!(problems.contains("Scenario 2 has no name."), "{problems}");
        assert!(problems.contains("Scenario 3 ("), "{problems}");
        assert!(problems.contains("has no plan."), "{problems}");
        assert!(matches!(
            decode(&SerdeJson, r#"{"version":4,"scenarios":[]}"#, local()),
            Err(SavedError::Format(_))
        ));
        assert_eq!(
            decode(&SerdeJson, r#"{"version":5}"#, local()),
            Err(SavedError::UnknownVersion(5))
        );
    }

    #[test]
    fn import_lists_every_problem_and_imports_nothing_from_a_bad_file() {
        let bad = r#"{"version":4,"scenarios":[{"name":"A","plan":{"quota":"-5","deal":"x"}},{"plan":{}},{"name":"C"}]}"#;
        let problems = import(&SerdeJson, bad, local()).unwrap_err();
        assert!(problems.len() >= 4, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("Scenario 1 (\u{201c}A\u{201d}): "))
        );
        assert!(problems.iter().any(|p| p == "Scenario 2 has no name."));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("Scenario 3") && p.contains("no plan"))
        );
        let good = r#"{"version":4,"scenarios":[{"name":"Baseline","plan":{"quota":"900000"}},{"name":"Baseline","plan":{"quota":"1000000"}}]}"#;
        let entries = import(&SerdeJson, good, local()).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].plan.quota, Money::from_units(900_000).unwrap());
        let one = import(&SerdeJson, V2, local()).unwrap();
        assert_eq!(one[0].name.as_str(), IMPORTED_NAME);
        for text in ["", "[1,2", r#"{"version":4}"#, r#"{"version":77}"#] {
            let problems = import(&SerdeJson, text, local()).unwrap_err();
            assert_eq!(problems.len(), 1, "{text}: {problems:?}");
        }
    }

    #[test]
    fn an_exported_plan_imports_as_it_was() {
        let read = decode(&SerdeJson, V3, local()).unwrap();
        let entry = read.workspace.current().clone();
        let text = encode_one(&SerdeJson, &entry);
        assert_eq!(import(&SerdeJson, &text, local()), Ok(vec![entry]));
        let all = encode(&SerdeJson, &read.workspace);
        assert_eq!(
            import(&SerdeJson, &all, local()),
            Ok(read.workspace.entries().to_vec())
        );
    }

    #[test]
    fn huge_or_deeply_nested_files_are_refused_before_parsing() {
        let huge = format!(
            r#"{{"version":4,"pad":"{}"}}"#,
            "x".repeat(50 * 1024 * 1024)
        );
        let problems = import(&SerdeJson, &huge, local()).unwrap_err();
        assert!(problems[0].contains("51 MB"), "{problems:?}");
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let problems = import(&SerdeJson, &deep, local()).unwrap_err();
        assert!(problems[0].contains("nests deeper"), "{problems:?}");
        // Brackets inside strings are text, not nesting.
        let quoted = format!(
            r#"{{"version":4,"scenarios":[{{"name":"{}","plan":{{}}}}]}}"#,
            "[".repeat(40)
        );
        assert!(!depth_over(&quoted, MAX_IMPORT_DEPTH));
    }

    #[test]
    fn fifty_large_scenarios_fit_in_storage_many_times_over() {
        // The benchmark's large plan (tests/bench/plans.mjs): 12 stages, 6 channels, a year.
        let large = "quota=24000000&deal=30000&period=year&start=2027-01&cycle=180\
            &stages=Visitors,Leads:3,MQLs:40,SQLs:50,Discovery:70,Demo:60,Trial:50,Proposal:60,\
            Negotiation:70,Legal:90,Signed:95,Won:90\
            &channels=Search:30:50,Social:20:40,Events:10:300,Content:15:20,Partners:15:80,\
            Outbound:10:120&season=5,6,8,9,9,8,7,6,9,10,11,12";
        let plan =
            crate::codec::link::decode(&crate::codec::link::LinkParams::parse(large), local());
        assert_eq!(plan.problems, []);
        let mut workspace = Workspace::new(
            ScenarioName::new("Plan").unwrap(),
            plan.scenario.clone(),
            Vec::new(),
        );
        for n in 1..50 {
            let mut copy = plan.scenario.clone();
            copy.quota = Money::from_units(24_000_000 + n).unwrap();
            workspace.add(ScenarioName::new("Plan").unwrap(), copy, Vec::new());
        }
        let text = encode(&SerdeJson, &workspace);
        // 27,471 bytes when written (2026-12-03). Browsers allow about 5 MB per origin,
        // counted in UTF-16 code units (2 bytes each).
        assert!(text.len() * 2 < 1024 * 1024, "{} bytes", text.len());
        assert_eq!(
            decode(&SerdeJson, &text, local()).unwrap().workspace,
            workspace
        );
        // With a year of actuals in each (every stage and the revenue, every month): 182,881
        // bytes when written (2026-12-04), well within the quota.
        let names: Vec<String> = plan
            .scenario
            .funnel
            .names()
            .map(ToString::to_string)
            .collect();
        let ids: Vec<String> = workspace.entries().iter().map(|e| e.id.clone()).collect();
        for id in ids {
            let mut log = crate::model::actuals::ActualsLog::default();
            for month in 1..=12 {
                let at = YearMonth::new(2027, month).unwrap();
                for (i, name) in (1_u64..).zip(&names) {
                    log = log.with_volume(at, name, Volume::from_units(1_000_000 / i));
                }
                log = log.with_revenue(at, Money::from_units(2_000_000));
            }
            workspace.apply(crate::model::workspace::ScenarioStep::Actuals {
                id,
                actuals: Box::new(log),
            });
        }
        let text = encode(&SerdeJson, &workspace);
        assert!(text.len() * 2 < 1024 * 1024, "{} bytes", text.len());
        assert_eq!(
            decode(&SerdeJson, &text, local()).unwrap().workspace,
            workspace
        );
    }

    #[test]
    fn actuals_are_stored_with_their_scenario_and_a_bad_figure_is_left_out_alone() {
        let jan = YearMonth::new(2027, 1).unwrap();
        let mut workspace = Workspace::new(
            ScenarioName::new("Baseline").unwrap(),
            Scenario::starting(local()),
            Vec::new(),
        );
        let log = ActualsLog::default()
            .with_volume(jan, "Leads", Some(Volume::parse("900").unwrap()))
            .with_revenue(jan, Some(Money::from_units(125_000).unwrap()));
        workspace.apply(crate::model::workspace::ScenarioStep::Actuals {
            id: workspace.current().id.clone(),
            actuals: Box::new(log.clone()),
        });
        let text = encode(&SerdeJson, &workspace);
        assert!(
            text.contains(r#""actuals":{"2027-01":{"stages":{"Leads":"900"},"revenue":"125000"}}"#),
            "{text}"
        );
        let read = decode(&SerdeJson, &text, local()).unwrap();
        assert_eq!(read.workspace, workspace);
        assert_eq!(read.problems, Vec::<String>::new());
        // A scenario without actuals stores none.
        let plain = Workspace::new(
            ScenarioName::new("B").unwrap(),
            Scenario::starting(local()),
            Vec::new(),
        );
        assert!(!encode(&SerdeJson, &plain).contains("actuals"));
        // One bad figure and one bad month: each left out alone, said, the rest read.
        let broken = text
            .replace(r#""Leads":"900""#, r#""Leads":"lots","SQLs":"30""#)
            .replace(r#""actuals":{"#, r#""actuals":{"soon":{"revenue":"5"},"#);
        let read = decode(&SerdeJson, &broken, local()).unwrap();
        let actuals = &read.workspace.current().actuals;
        assert_eq!(actuals.volume(jan, "Leads"), None);
        assert_eq!(actuals.volume(jan, "SQLs"), Volume::from_units(30));
        assert_eq!(actuals.revenue(jan), Money::from_units(125_000));
        assert_eq!(read.problems.len(), 2, "{:?}", read.problems);
        assert!(
            read.problems
                .iter()
                .any(|p| p.contains("actual Leads of 2027-01")),
            "{:?}",
            read.problems
        );
    }
}
