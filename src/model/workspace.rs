//! The workspace: named scenarios, one of them current.
//!
//! Plain data and plain functions, no storage: the codec (`codec::workspace`) reads and
//! writes it, the page shows it. Adding never replaces: a name already taken gets a suffix
//! (`Stretch (2)`), and a plan equal to one the workspace holds is that scenario, not a copy.

use std::fmt;

use super::Scenario;
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

    /// `name`, or `name (2)`, `name (3)`, … : the first that no scenario has. A suffix that
    /// would pass the longest name shortens the name instead.
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
        (2_usize..)
            .find_map(|n| {
                let suffix = format!(" ({n})");
                let room = MAX_SCENARIO_NAME_CHARS - suffix.chars().count();
                let base: String = name.as_str().chars().take(room).collect();
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
        });
        self.current = self.entries.len() - 1;
        self.current
    }

    /// Opens a plan from elsewhere (a shared link, an import): the scenario that already
    /// holds the same plan becomes current, or else the plan is added under `name`. Returns
    /// its index and whether it was added.
    pub fn open(&mut self, name: ScenarioName, plan: Scenario) -> (usize, bool) {
        if let Some(index) = self.find_plan(&plan) {
            self.current = index;
            return (index, false);
        }
        (self.add(name, plan, Vec::new()), true)
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
    }

    #[test]
    fn opening_the_same_plan_twice_switches_to_it() {
        let mut workspace = Workspace::new(name("Mine"), plan(1_000_000), Vec::new());
        assert_eq!(
            workspace.open(name("Shared plan"), plan(2_000_000)),
            (1, true)
        );
        workspace.switch(0);
        assert_eq!(
            workspace.open(name("Shared plan"), plan(2_000_000)),
            (1, false)
        );
        assert_eq!(
            workspace.open(name("Shared plan"), plan(1_000_000)),
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
}
