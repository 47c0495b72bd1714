//! The workspace: named scenarios, one of them current.
//!
//! Plain data and plain functions, no storage: the codec (`codec::workspace`) reads and
//! writes it, the page shows it. Adding never replaces: a name already taken gets a suffix
//! (`Stretch (2)`), and a plan equal to one the workspace holds is that scenario, not a copy.

use std::fmt;

use super::Scenario;
use super::actuals::ActualsLog;
use super::stage::{forbidden_in_name, is_invisible};

/// The longest scenario name, in characters.
pub const MAX_SCENARIO_NAME_CHARS: usize = 60;

/// A scenario's name: trimmed, not empty, at most [`MAX_SCENARIO_NAME_CHARS`] characters, with
/// no control or invisible character and no `<` or `>` (the rules of stage names).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ScenarioName(String);

/// Why a text cannot be a scenario's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioNameError {
    /// Empty or only spaces.
    Empty,
    /// Longer than [`MAX_SCENARIO_NAME_CHARS`].
    TooLong,
    /// Holds a character names may not.
    Forbidden(char),
}

impl fmt::Display for ScenarioNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Give the scenario a name."),
            Self::TooLong => write!(
                f,
                "Keep scenario names to {MAX_SCENARIO_NAME_CHARS} characters."
            ),
            Self::Forbidden(c) if c.is_control() || is_invisible(*c) => {
                f.write_str("Scenario names cannot contain control or invisible characters.")
            }
            Self::Forbidden(c) => write!(f, "Scenario names cannot contain \u{201c}{c}\u{201d}."),
        }
    }
}

impl std::error::Error for ScenarioNameError {}

impl ScenarioName {
    /// Checks and trims a scenario name.
    ///
    /// # Errors
    /// Returns a [`ScenarioNameError`] when the text is not an acceptable name.
    pub fn new(text: &str) -> Result<Self, ScenarioNameError> {
        let name = text.trim();
        if name.is_empty() {
            return Err(ScenarioNameError::Empty);
        }
        // The characters allowed are a stage name's; only the length differs.
        if let Some(c) = forbidden_in_name(name) {
            return Err(ScenarioNameError::Forbidden(c));
        }
        if name.chars().count() > MAX_SCENARIO_NAME_CHARS {
            return Err(ScenarioNameError::TooLong);
        }
        Ok(Self(name.to_owned()))
    }

    /// Returns the name as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `Untitled scenario`: the name given when no other can be.
    #[must_use]
    pub fn untitled() -> Self {
        Self("Untitled scenario".to_owned())
    }
}

impl fmt::Display for ScenarioName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One named scenario: its plan, and the text of its fields that was not valid when saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Stable identity, kept across renames (storage and tabs refer to it).
    pub id: String,
    /// The scenario's name, unique in its workspace.
    pub name: ScenarioName,
    /// The plan.
    pub plan: Scenario,
    /// Field text that was not valid when saved, keyed by `data-testid`.
    pub drafts: Vec<(String, String)>,
    /// What each month really brought (plan against actual).
    pub actuals: ActualsLog,
}

/// Named scenarios, in the order the user sees them, one of them current.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    /// The scenarios; never empty.
    entries: Vec<Entry>,
    /// Index of the current scenario in `entries`.
    current: usize,
    /// The next identity to give.
    next_id: u64,
}

/// A name's stem and the suffix number to try first: `Stretch (2)` is `Stretch` from 3,
/// `Stretch` is itself from 2. Only a copy's suffix counts (2 to 999, as written by this
/// page): `Q1 (2026)` is a name with a year, and its copy is `Q1 (2026) (2)`.
fn numbered(name: &str) -> (&str, usize) {
    name.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .and_then(|(stem, digits)| {
            let n: usize = digits.parse().ok()?;
            let copy = (2..1000).contains(&n) && digits == n.to_string() && !stem.trim().is_empty();
            copy.then_some((stem, n + 1))
        })
        .unwrap_or((name, 2))
}

impl Workspace {
    /// A workspace of one scenario, with the text of its fields that was not valid when saved.
    #[must_use]
    pub fn new(name: ScenarioName, plan: Scenario, drafts: Vec<(String, String)>) -> Self {
        let mut workspace = Self {
            entries: Vec::new(),
            current: 0,
            next_id: 1,
        };
        workspace.add(name, plan, drafts);
        workspace
    }

    /// Builds a workspace from stored entries (ids and names as stored; names made unique
    /// with a suffix where they repeat), with `current` the id of the current one (the first
    /// when it names none). Returns `None` for no entries.
    #[must_use]
    pub fn from_entries(stored: Vec<Entry>, current: &str) -> Option<Self> {
        let mut workspace = Self {
            entries: Vec::with_capacity(stored.len()),
            current: 0,
            next_id: 1,
        };
        for mut entry in stored {
            entry.name = workspace.free_name(&entry.name);
            if entry.id.is_empty() || workspace.find(&entry.id).is_some() {
                entry.id = workspace.new_id();
            }
            workspace.entries.push(entry);
        }
        if workspace.entries.is_empty() {
            return None;
        }
        // New identities follow the stored ones.
        workspace.next_id = workspace.entries.len() as u64 + 1;
        while workspace
            .entries
            .iter()
            .any(|e| e.id == format!("s{}", workspace.next_id))
        {
            workspace.next_id += 1;
        }
        workspace.current = workspace.find(current).unwrap_or(0);
        Some(workspace)
    }

    /// The scenarios, in order.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The scenarios' names, in order.
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        self.entries.iter().map(|e| e.name.as_str()).collect()
    }

    /// The current scenario.
    #[must_use]
    pub fn current(&self) -> &Entry {
        &self.entries[self.current]
    }

    /// Index of the scenario with identity `id`.
    #[must_use]
    pub fn find(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    /// Index of a scenario whose plan equals `plan`.
    #[must_use]
    pub fn find_plan(&self, plan: &Scenario) -> Option<usize> {
        self.entries.iter().position(|e| e.plan == *plan)
    }

    /// `name`, or `name (2)`, `name (3)`, … : the first that no scenario has. A name that
    /// already ends in such a suffix counts on from it (`Stretch (2)` gives `Stretch (3)`,
    /// never `Stretch (2) (2)`). A suffix that would pass the longest name shortens the name
    /// instead.
    #[must_use]
    pub fn free_name(&self, name: &ScenarioName) -> ScenarioName {
        self.free_name_beside(name, None)
    }

    /// [`Workspace::free_name`], leaving scenario `except` out (it is being renamed).
    fn free_name_beside(&self, name: &ScenarioName, except: Option<usize>) -> ScenarioName {
        let taken = |candidate: &str| {
            self.entries
                .iter()
                .enumerate()
                .any(|(i, e)| Some(i) != except && e.name.as_str() == candidate)
        };
        if !taken(name.as_str()) {
            return name.clone();
        }
        let (stem, from) = numbered(name.as_str());
        (from..)
            .find_map(|n| {
                let suffix = format!(" ({n})");
                let room = MAX_SCENARIO_NAME_CHARS - suffix.chars().count();
                let base: String = stem.chars().take(room).collect();
                let candidate = format!("{}{suffix}", base.trim_end());
                (!taken(&candidate)).then_some(ScenarioName(candidate))
            })
            .unwrap_or_else(|| name.clone())
    }

    /// A new identity.
    fn new_id(&mut self) -> String {
        loop {
            let id = format!("s{}", self.next_id);
            self.next_id += 1;
            if self.find(&id).is_none() {
                return id;
            }
        }
    }

    /// A scenario with a new identity and a free name, not yet added (see
    /// [`ScenarioStep::Insert`]).
    pub fn new_entry(
        &mut self,
        name: ScenarioName,
        plan: Scenario,
        drafts: Vec<(String, String)>,
    ) -> Entry {
        Entry {
            id: self.new_id(),
            name: self.free_name(&name),
            plan,
            drafts,
            actuals: ActualsLog::default(),
        }
    }

    /// Adds a scenario at the end, its name made unique, and makes it current; returns its
    /// index. Nothing already there is replaced.
    pub fn add(
        &mut self,
        name: ScenarioName,
        plan: Scenario,
        drafts: Vec<(String, String)>,
    ) -> usize {
        let name = self.free_name(&name);
        let id = self.new_id();
        self.entries.push(Entry {
            id,
            name,
            plan,
            drafts,
            actuals: ActualsLog::default(),
        });
        self.current = self.entries.len() - 1;
        self.current
    }

    /// Opens a plan from elsewhere (a shared link, an import): the scenario that already
    /// holds the same plan becomes current, or else the plan is added under `name`, with
    /// `actuals`. Returns its index and whether it was added. A plan that comes with actuals
    /// is the same scenario only when the actuals are the same too (so a colleague's figures
    /// never land in a scenario of yours); one without actuals is matched by its plan alone
    /// (the page's own address, which never carries them).
    pub fn open(
        &mut self,
        name: ScenarioName,
        plan: Scenario,
        actuals: ActualsLog,
    ) -> (usize, bool) {
        let same = |e: &Entry| e.plan == plan && (actuals.is_empty() || e.actuals == actuals);
        // The same plan under the same name first: a duplicate not yet changed holds the
        // same plan as its original.
        let named = self.entries.iter().position(|e| same(e) && e.name == name);
        if let Some(index) = named.or_else(|| self.entries.iter().position(same)) {
            self.current = index;
            return (index, false);
        }
        let index = self.add(name, plan, Vec::new());
        self.entries[index].actuals = actuals;
        (index, true)
    }

    /// Adds a copy of scenario `index` just after it, named `name (2)` or the next free
    /// suffix, and makes it current.
    pub fn duplicate(&mut self, index: usize) -> Option<usize> {
        let source = self.entries.get(index)?.clone();
        let name = self.free_name(&source.name);
        let id = self.new_id();
        self.entries.insert(index + 1, Entry { id, name, ..source });
        self.current = index + 1;
        Some(self.current)
    }

    /// Renames scenario `index`; a name another scenario has gets a suffix. Returns the name
    /// given.
    pub fn rename(&mut self, index: usize, name: &ScenarioName) -> Option<ScenarioName> {
        self.entries.get(index)?;
        let free = self.free_name_beside(name, Some(index));
        self.entries[index].name = free.clone();
        Some(free)
    }

    /// Deletes scenario `index` and returns it, unless it is the only one (a workspace always
    /// has a scenario to show). The one before it becomes current if it was.
    pub fn delete(&mut self, index: usize) -> Option<Entry> {
        if self.entries.len() < 2 || index >= self.entries.len() {
            return None;
        }
        let removed = self.entries.remove(index);
        if self.current > index || self.current == self.entries.len() {
            self.current = self.current.saturating_sub(1);
        }
        Some(removed)
    }

    /// Makes scenario `index` current.
    pub fn switch(&mut self, index: usize) -> bool {
        if index < self.entries.len() {
            self.current = index;
            true
        } else {
            false
        }
    }

    /// Replaces the current scenario's plan and drafts (an edit, autosaved).
    pub fn set_current(&mut self, plan: Scenario, drafts: Vec<(String, String)>) {
        let entry = &mut self.entries[self.current];
        entry.plan = plan;
        entry.drafts = drafts;
    }

    /// Index of the current scenario.
    #[must_use]
    pub fn current_index(&self) -> usize {
        self.current
    }

    /// The number the next new identity takes (stored, so that a deleted scenario's
    /// identity is never given again).
    #[must_use]
    pub fn next_number(&self) -> u64 {
        self.next_id
    }

    /// Gives new identities from `number` on, unless that would repeat one.
    pub fn continue_from(&mut self, number: u64) {
        self.next_id = self.next_id.max(number);
    }

    /// Applies a step to the scenarios and returns the step that undoes it, or `None` when
    /// it no longer applies (the scenario it names is gone, or it would delete the last).
    pub fn apply(&mut self, step: ScenarioStep) -> Option<ScenarioStep> {
        match step {
            ScenarioStep::Insert { index, entry } => {
                if self.find(&entry.id).is_some() {
                    return None;
                }
                let back_to = self.current().id.clone();
                let index = index.min(self.entries.len());
                let id = entry.id.clone();
                let name = self.free_name(&entry.name);
                self.entries.insert(index, Entry { name, ..*entry });
                self.current = index;
                Some(ScenarioStep::Remove { id, back_to })
            }
            ScenarioStep::Remove { id, back_to } => {
                let index = self.find(&id)?;
                let entry = self.delete(index)?;
                // Else `delete` chose the neighbour.
                if let Some(back) = self.find(&back_to) {
                    self.current = back;
                }
                Some(ScenarioStep::Insert {
                    index,
                    entry: Box::new(entry),
                })
            }
            ScenarioStep::Rename { id, name } => {
                let index = self.find(&id)?;
                let before = self.entries[index].name.clone();
                self.rename(index, &name)?;
                self.current = index;
                Some(ScenarioStep::Rename { id, name: before })
            }
            ScenarioStep::Actuals { id, actuals } => {
                let index = self.find(&id)?;
                let before = std::mem::replace(&mut self.entries[index].actuals, *actuals);
                self.current = index;
                Some(ScenarioStep::Actuals {
                    id,
                    actuals: Box::new(before),
                })
            }
        }
    }

    /// Adds a copy of `entry` under a new identity just after position `index`, named
    /// `name (2)` or the next free suffix, without changing which scenario is current.
    /// Returns the copy's name.
    fn add_copy(&mut self, index: usize, entry: &Entry) -> ScenarioName {
        let name = self.free_name(&entry.name);
        let id = self.new_id();
        let at = (index + 1).min(self.entries.len());
        self.entries.insert(
            at,
            Entry {
                id,
                name: name.clone(),
                ..entry.clone()
            },
        );
        if self.current >= at {
            self.current += 1;
        }
        name
    }
}

/// A change to the list of scenarios, as data: what the page does, and what undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioStep {
    /// Puts a scenario back at a position and makes it current.
    Insert {
        /// Where it goes (at most the end).
        index: usize,
        /// The scenario, as it was.
        entry: Box<Entry>,
    },
    /// Deletes a scenario and makes another current.
    Remove {
        /// The scenario deleted.
        id: String,
        /// The scenario current afterwards, if it is still there.
        back_to: String,
    },
    /// Renames a scenario (a taken name gets a suffix) and makes it current.
    Rename {
        /// The scenario renamed.
        id: String,
        /// Its new name.
        name: ScenarioName,
    },
    /// Replaces a scenario's recorded actuals and makes it current.
    Actuals {
        /// The scenario.
        id: String,
        /// Its actuals afterwards.
        actuals: Box<ActualsLog>,
    },
}

/// What came of merging another tab's saved workspace into this tab's.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Both tabs' changes together.
    pub workspace: Workspace,
    /// Scenarios both tabs changed differently: the other tab's version keeps the name
    /// (first), this tab's is kept as a copy (second).
    pub copies: Vec<(ScenarioName, ScenarioName)>,
    /// This tab's current scenario, when the other tab deleted it and this tab had not
    /// changed it: another is current now.
    pub gone: Option<ScenarioName>,
}

/// Whether two entries hold the same plan and the same not-yet-valid text.
fn same_content(a: &Entry, b: &Entry) -> bool {
    a.plan == b.plan && a.drafts == b.drafts
}

/// Merges what another tab saved (`theirs`) into this tab's workspace (`mine`), both
/// changed from `base`, the workspace as this tab last saved or read it. Nothing either tab
/// changed is lost:
///
/// - a scenario only one side changed takes that side's version;
/// - one both changed differently keeps the other tab's version under its name, and this
///   tab's as a copy beside it (current, if it was);
/// - a deletion stands unless the other side changed the scenario meanwhile, which brings
///   it back;
/// - scenarios either side added are kept, in the other tab's order, then this tab's.
///
/// This tab's current scenario stays current; if the other tab deleted it, theirs becomes
/// current.
#[must_use]
pub fn merge(base: &Workspace, mine: &Workspace, theirs: &Workspace) -> Merged {
    fn find<'a>(workspace: &'a Workspace, id: &str) -> Option<&'a Entry> {
        workspace.entries.iter().find(|e| e.id == id)
    }
    let mut entries: Vec<Entry> = Vec::new();
    // This tab's changes that must be kept as copies, after the entry they copy.
    let mut conflicts: Vec<(String, Entry)> = Vec::new();
    for their in &theirs.entries {
        let was = find(base, &their.id);
        match (was, find(mine, &their.id)) {
            // Deleted here: the deletion stands unless they changed it.
            (Some(was), None) => {
                if !same_content(was, their) || was.name != their.name {
                    entries.push(their.clone());
                }
            }
            (None, None) => entries.push(their.clone()),
            (Some(was), Some(my)) => {
                let name = if my.name == was.name {
                    their.name.clone()
                } else {
                    my.name.clone()
                };
                if same_content(my, was) || same_content(my, their) {
                    entries.push(Entry {
                        name,
                        ..their.clone()
                    });
                } else if same_content(their, was) {
                    entries.push(Entry { name, ..my.clone() });
                } else {
                    entries.push(their.clone());
                    conflicts.push((their.id.clone(), my.clone()));
                }
            }
            // Both added a scenario under one identity: theirs keeps it.
            (None, Some(my)) => {
                entries.push(their.clone());
                if !same_content(my, their) {
                    conflicts.push((their.id.clone(), my.clone()));
                }
            }
        }
    }
    let mut gone = None;
    for my in &mine.entries {
        if theirs.find(&my.id).is_some() {
            continue;
        }
        match find(base, &my.id) {
            // Deleted there: the deletion stands unless this tab changed it.
            Some(was) if same_content(was, my) && was.name == my.name => {
                if my.id == mine.current().id {
                    gone = Some(my.name.clone());
                }
            }
            _ => entries.push(my.clone()),
        }
    }
    let current = if gone.is_some() {
        theirs.current().id.clone()
    } else {
        mine.current().id.clone()
    };
    let mut workspace = Workspace::from_entries(entries, &current).unwrap_or_else(|| mine.clone());
    workspace.continue_from(mine.next_id.max(theirs.next_id));
    let mut copies = Vec::new();
    for (id, my) in conflicts {
        let Some(index) = workspace.find(&id) else {
            continue;
        };
        let theirs_name = workspace.entries[index].name.clone();
        let copy = workspace.add_copy(index, &my);
        if my.id == mine.current().id {
            workspace.current = index + 1;
        }
        copies.push((theirs_name, copy));
    }
    Merged {
        workspace,
        copies,
        gone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, YearMonth};

    fn plan(quota: u64) -> Scenario {
        let mut plan = Scenario::starting(YearMonth::new(2026, 11).unwrap());
        plan.quota = Money::from_units(quota).unwrap();
        plan
    }

    fn name(text: &str) -> ScenarioName {
        ScenarioName::new(text).unwrap()
    }

    #[test]
    fn names_follow_the_stage_name_rules_with_room_for_sixty_characters() {
        assert_eq!(name("  Stretch Q1  ").as_str(), "Stretch Q1");
        assert_eq!(ScenarioName::new(" "), Err(ScenarioNameError::Empty));
        assert!(ScenarioName::new(&"x".repeat(60)).is_ok());
        assert_eq!(
            ScenarioName::new(&"x".repeat(61)),
            Err(ScenarioNameError::TooLong)
        );
        assert_eq!(
            ScenarioName::new("Plan\u{202e}A"),
            Err(ScenarioNameError::Forbidden('\u{202e}'))
        );
        let late = format!("{}<b>", "x".repeat(45));
        assert_eq!(
            ScenarioName::new(&late),
            Err(ScenarioNameError::Forbidden('<'))
        );
    }

    #[test]
    fn adding_never_replaces_and_names_get_a_suffix() {
        let mut workspace = Workspace::new(name("Baseline"), plan(1_000_000), Vec::new());
        workspace.add(name("Stretch"), plan(1_200_000), Vec::new());
        workspace.add(name("Stretch"), plan(1_300_000), Vec::new());
        workspace.add(name("Stretch"), plan(1_400_000), Vec::new());
        assert_eq!(
            workspace.names(),
            ["Baseline", "Stretch", "Stretch (2)", "Stretch (3)"]
        );
        assert_eq!(workspace.current().name.as_str(), "Stretch (3)");
        let ids: Vec<&str> = workspace.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2", "s3", "s4"]);
        let long = name(&"y".repeat(60));
        workspace.add(long.clone(), plan(1), Vec::new());
        workspace.add(long, plan(2), Vec::new());
        let last = &workspace.current().name;
        assert_eq!(last.as_str().chars().count(), 60);
        assert!(last.as_str().ends_with("y (2)"));
        // A copy of a copy counts on: never "Stretch (2) (2)".
        workspace.add(name("Stretch (2)"), plan(1_500_000), Vec::new());
        assert_eq!(workspace.current().name.as_str(), "Stretch (4)");
        workspace.add(name("Q1 (2026)"), plan(7), Vec::new());
        workspace.add(name("Q1 (2026)"), plan(8), Vec::new());
        assert_eq!(workspace.current().name.as_str(), "Q1 (2026) (2)");
    }

    #[test]
    fn opening_the_same_plan_twice_switches_to_it() {
        let mut workspace = Workspace::new(name("Mine"), plan(1_000_000), Vec::new());
        assert_eq!(
            workspace.open(name("Shared plan"), plan(2_000_000), ActualsLog::default()),
            (1, true)
        );
        workspace.switch(0);
        assert_eq!(
            workspace.open(name("Shared plan"), plan(2_000_000), ActualsLog::default()),
            (1, false)
        );
        assert_eq!(
            workspace.open(name("Shared plan"), plan(1_000_000), ActualsLog::default()),
            (0, false)
        );
        assert_eq!(workspace.names(), ["Mine", "Shared plan"]);
    }

    #[test]
    fn duplicate_rename_delete_and_switch() {
        let mut workspace = Workspace::new(name("Baseline"), plan(1_000_000), Vec::new());
        assert_eq!(workspace.duplicate(0), Some(1));
        assert_eq!(workspace.names(), ["Baseline", "Baseline (2)"]);
        assert_eq!(workspace.current().plan, plan(1_000_000));
        assert_eq!(
            workspace.rename(1, &name("Baseline")).unwrap().as_str(),
            "Baseline (2)"
        );
        assert_eq!(
            workspace.rename(1, &name("Stretch")).unwrap().as_str(),
            "Stretch"
        );
        workspace.set_current(plan(1_500_000), vec![("deal".into(), "4O".into())]);
        assert_eq!(
            workspace.entries()[0].plan,
            plan(1_000_000),
            "only the current changed"
        );
        let removed = workspace.delete(1).unwrap();
        assert_eq!(removed.name.as_str(), "Stretch");
        assert_eq!(removed.drafts, [("deal".to_owned(), "4O".to_owned())]);
        assert_eq!(workspace.current().name.as_str(), "Baseline");
        assert!(workspace.delete(0).is_none(), "the last scenario stays");
        assert!(!workspace.switch(5));
    }

    #[test]
    fn stored_entries_keep_their_ids_and_repeated_names_or_ids_are_fixed() {
        let entry = |id: &str, text: &str, quota| Entry {
            id: id.to_owned(),
            name: name(text),
            plan: plan(quota),
            drafts: Vec::new(),
            actuals: ActualsLog::default(),
        };
        let workspace = Workspace::from_entries(
            vec![entry("s7", "A", 1), entry("s7", "A", 2), entry("", "B", 3)],
            "s7",
        )
        .unwrap();
        assert_eq!(workspace.names(), ["A", "A (2)", "B"]);
        let ids: Vec<&str> = workspace.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids[0], "s7");
        assert!(ids[1] != "s7" && ids[2] != ids[1] && !ids[2].is_empty());
        assert_eq!(workspace.current().plan, plan(1));
        let mut more = workspace.clone();
        more.add(name("C"), plan(4), Vec::new());
        let mut all: Vec<&str> = more.entries().iter().map(|e| e.id.as_str()).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 4, "ids stay unique");
        assert!(Workspace::from_entries(Vec::new(), "").is_none());
    }

    #[test]
    fn every_step_returns_the_step_that_undoes_it() {
        let mut workspace = Workspace::new(name("Baseline"), plan(1), Vec::new());
        workspace.add(name("Stretch"), plan(2), Vec::new());
        workspace.switch(0);
        let start = workspace.clone();
        let steps = [
            ScenarioStep::Remove {
                id: "s2".into(),
                back_to: "s1".into(),
            },
            ScenarioStep::Rename {
                id: "s2".into(),
                name: name("Baseline"),
            },
            ScenarioStep::Insert {
                index: 1,
                entry: Box::new(Entry {
                    id: "s9".into(),
                    name: name("Stretch"),
                    plan: plan(3),
                    drafts: Vec::new(),
                    actuals: ActualsLog::default(),
                }),
            },
        ];
        for step in steps {
            let mut changed = start.clone();
            let undo = changed.apply(step.clone()).unwrap();
            assert_ne!(changed, start, "{step:?} changes something");
            let redo = changed.apply(undo).unwrap();
            assert_eq!(changed.entries(), start.entries(), "undoing {step:?}");
            changed.apply(redo).unwrap();
            changed.switch(start.current_index());
        }
        let mut renamed = start.clone();
        renamed.apply(ScenarioStep::Rename {
            id: "s2".into(),
            name: name("Baseline"),
        });
        assert_eq!(renamed.names(), ["Baseline", "Baseline (2)"]);
        let mut last = Workspace::new(name("Only"), plan(1), Vec::new());
        assert_eq!(
            last.apply(ScenarioStep::Remove {
                id: "s1".into(),
                back_to: "s1".into()
            }),
            None,
            "the last scenario stays"
        );
        assert_eq!(
            last.apply(ScenarioStep::Rename {
                id: "gone".into(),
                name: name("X")
            }),
            None
        );
    }

    /// A workspace of scenarios named `A`, `B`, … with the given quotas, the first current.
    fn three() -> Workspace {
        let mut workspace = Workspace::new(name("A"), plan(1), Vec::new());
        workspace.add(name("B"), plan(2), Vec::new());
        workspace.add(name("C"), plan(3), Vec::new());
        workspace.switch(0);
        workspace
    }

    fn quotas(workspace: &Workspace) -> Vec<(String, u64)> {
        workspace
            .entries()
            .iter()
            .map(|e| (e.name.to_string(), e.plan.quota.cents() / 100))
            .collect()
    }

    fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|&(n, q)| (n.to_owned(), q)).collect()
    }

    /// A change one tab makes.
    type Change = fn(&mut Workspace);

    /// What was done, this tab's change, the other's, the merged list and current name.
    type MergeCase = (
        &'static str,
        Change,
        Change,
        &'static [(&'static str, u64)],
        &'static str,
    );

    #[test]
    fn merging_keeps_what_each_tab_changed() {
        let base = three();
        // Each case: what this tab did, what the other did, the merged list, and this
        // tab's current scenario afterwards.
        let cases: [MergeCase; 6] = [
            (
                "the other tab edited the scenario shown here",
                |_| {},
                |w| w.set_current(plan(10), Vec::new()),
                &[("A", 10), ("B", 2), ("C", 3)],
                "A",
            ),
            (
                "each tab edited a different scenario",
                |w| w.set_current(plan(10), Vec::new()),
                |w| {
                    w.switch(1);
                    w.set_current(plan(20), Vec::new());
                },
                &[("A", 10), ("B", 20), ("C", 3)],
                "A",
            ),
            (
                "both edited the same scenario: this tab's edit is kept as a copy",
                |w| w.set_current(plan(10), Vec::new()),
                |w| w.set_current(plan(11), Vec::new()),
                &[("A", 11), ("A (2)", 10), ("B", 2), ("C", 3)],
                "A (2)",
            ),
            (
                "the other tab deleted the scenario shown here",
                |_| {},
                |w| {
                    w.switch(1);
                    w.delete(0);
                },
                &[("B", 2), ("C", 3)],
                "B",
            ),
            (
                "deleted there, but edited here: it comes back",
                |w| w.set_current(plan(10), Vec::new()),
                |w| _ = w.delete(0),
                &[("B", 2), ("C", 3), ("A", 10)],
                "A",
            ),
            (
                "both added a scenario",
                |w| _ = w.add(name("Mine"), plan(7), Vec::new()),
                |w| _ = w.add(name("Theirs"), plan(8), Vec::new()),
                &[("A", 1), ("B", 2), ("C", 3), ("Theirs", 8), ("Mine", 7)],
                "Mine",
            ),
        ];
        for (what, here, there, want, current) in cases {
            let (mut mine, mut theirs) = (base.clone(), base.clone());
            here(&mut mine);
            there(&mut theirs);
            let merged = merge(&base, &mine, &theirs);
            assert_eq!(quotas(&merged.workspace), pairs(want), "{what}");
            assert_eq!(merged.workspace.current().name.as_str(), current, "{what}");
            let ids: Vec<&str> = merged
                .workspace
                .entries()
                .iter()
                .map(|e| e.id.as_str())
                .collect();
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), ids.len(), "{what}: identities stay unique");
        }
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.set_current(plan(10), Vec::new());
        theirs.set_current(plan(11), Vec::new());
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.copies, [(name("A"), name("A (2)"))]);
        let mut theirs = base.clone();
        theirs.switch(1);
        theirs.delete(0);
        assert_eq!(merge(&base, &base, &theirs).gone, Some(name("A")));
        assert_eq!(
            merge(&base, &base, &base).workspace.entries(),
            base.entries(),
            "nothing changed, nothing merged"
        );
    }
}
