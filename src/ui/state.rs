//! The planner's root state: the form in one signal, everything else derived from it.
//!
//! [`Planner`] is `Copy` and passed to every component. Edits go through [`Planner::edit`] as
//! [`Edit`] values; changes to the list of scenarios (new, duplicate, rename, delete) go
//! through [`Planner::change_scenarios`] as [`ScenarioStep`] values, so both undo alike.
//! The form holds the current scenario as typed; the workspace holds every scenario, the
//! current one as last synced. Effects only sync outward: storage and the address bar.
//!
//! Components read the narrowest memo that holds what they show: a stage name from
//! [`Planner::names`], a budget figure from [`Planner::budget`], an input's text from
//! [`Planner::text`]. A memo wakes its readers only when its value changed, so an edit costs
//! what it changes, not what the page shows; and no memo has hundreds of readers, which
//! would make every re-run pay for the others (each reader leaves and rejoins the list).
//!
//! Storage is never written over what the page could not read: autosave is off when storage
//! is blocked or unreadable. Another tab's saves are merged before each save (see
//! [`workspace::merge`]), so two tabs never lose each other's changes.

use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use leptos::leptos_dom::helpers::window_event_listener_untyped;
use leptos::prelude::*;

use crate::browser::json::BrowserJson;
use crate::browser::{address, clock, download, locale, storage};
use crate::codec::link::{self, PageParams};
use crate::codec::opening::{self, Notice, Opening};
use crate::codec::workspace as stored_workspace;
use crate::model::budget::BudgetPlan;
use crate::model::capacity::Capacity;
use crate::model::format::NumberStyle;
use crate::model::handoff::HandoffPlan;
use crate::model::history::{self, FormHistory, History, Stamped};
use crate::model::monthly::MonthPlan;
use crate::model::wording;
use crate::model::workspace::{self, Entry, ScenarioName, ScenarioStep, Workspace};
use crate::model::{Currency, Edit, FieldKey, Form, Plan, Scenario, StagePlan, compute};

/// The steps that undo changes to the list of scenarios (never merging).
type ScenarioHistory = History<Stamped<ScenarioStep>, ()>;

/// What this tab knows of storage: the text it last wrote or read, and that workspace.
struct Synced {
    /// The stored text, as last written or read here.
    text: String,
    /// The workspace that text holds: the base another tab's changes are merged against.
    base: Workspace,
}

/// The undo histories of this tab.
#[derive(Default)]
struct Histories {
    /// The current scenario's.
    current: FormHistory,
    /// The other scenarios', by identity, kept while this tab is open.
    parked: Vec<(String, FormHistory)>,
    /// The list of scenarios'.
    scenarios: ScenarioHistory,
    /// How many steps began in this tab: each step's moment.
    clock: u64,
}

/// One input's text as typed and its message, each a signal set only when it changes.
#[derive(Clone)]
struct Shown {
    /// The text as typed.
    text: ArcRwSignal<String>,
    /// What is wrong with the text, if anything.
    message: ArcRwSignal<Option<String>>,
}

/// The shown texts of the inputs on the page, by key (a list: a hash map costs more bytes
/// than its lookups, made once per input, save).
type ShownFields = Vec<(FieldKey, Shown)>;

/// The memos components read in place of the whole plan or form, kept in one stored value so
/// that [`Planner`], copied into every component, stays small.
#[derive(Clone, Copy)]
struct Derived {
    /// The stages' names as the plan uses them, top first.
    names: Memo<Vec<String>>,
    /// How many stage rows the form has.
    stage_count: Memo<usize>,
    /// What each stage needs and the forecast brings, top first.
    stages: Part<Vec<StagePlan>>,
    /// Marketing's budget.
    budget: Part<BudgetPlan>,
    /// The team's capacity.
    capacity: Part<Capacity>,
    /// The month-by-month plan.
    months: Part<MonthPlan>,
    /// The marketing-to-sales handoff.
    handoff: Part<HandoffPlan>,
    /// The inputs' texts and messages, set after each change of the form only where they
    /// changed: typing in one field wakes that field alone, not a memo per input.
    shown: StoredValue<ShownFields>,
    /// How numbers look: the reader's locale and the plan's currency.
    style: Memo<NumberStyle>,
    /// The plan's currency.
    currency: Memo<Currency>,
    /// The scenarios' identities and names, in order.
    listing: Memo<Vec<(String, String)>>,
    /// The current scenario's identity.
    current_id: Memo<String>,
    /// The current scenario's name.
    current_name: Memo<String>,
}

/// The planner's state, shared by every component.
#[derive(Clone, Copy)]
pub struct Planner {
    /// Every field as typed, with the values the plan uses.
    pub form: RwSignal<Form>,
    /// The scenario the plan uses.
    pub scenario: Memo<Scenario>,
    /// The computed plan.
    pub plan: Memo<Arc<Plan>>,
    /// The memos that read parts of the plan and the form.
    derived: StoredValue<Derived>,
    /// Messages about links and storage.
    pub notices: RwSignal<Vec<Notice>>,
    /// Every scenario; the current one's plan as last synced (the form holds it live).
    pub workspace: RwSignal<Workspace>,
    /// The scenario an opened link's plan took the place of, offered back.
    pub back_to: RwSignal<Option<String>>,
    /// The scenarios compared side by side (identities, in order); empty while the
    /// comparison is closed.
    pub compare: RwSignal<Vec<String>>,
    /// Whether unreadable saved data is waiting to be downloaded before it may be cleared.
    pub unreadable_pending: RwSignal<bool>,
    /// Whether the page saves to storage.
    pub autosave: RwSignal<bool>,
    /// Meeting mode (`present=1`, a page parameter written after the plan's link).
    pub present: RwSignal<bool>,
    /// What this tab last wrote to or read from storage.
    synced: StoredValue<Synced>,
    /// The identity of the scenario the form shows.
    shown_id: StoredValue<String>,
    /// The undo histories.
    histories: StoredValue<Histories>,
    /// Whether there is a step to undo, and one to redo.
    pub undoable: RwSignal<(bool, bool)>,
}

impl Planner {
    /// Creates the state from what the page opened with, and starts the autosave and
    /// address-bar effects.
    #[must_use]
    pub fn new(opening: Opening) -> Self {
        let entry = opening.workspace.current().clone();
        let form = RwSignal::new(form_of(&entry));
        let scenario = Memo::new(move |_| form.with(|form| form.scenario().clone()));
        let plan = Memo::new(move |_| Arc::new(scenario.with(compute)));
        let copy = move |_: Option<&Arc<Plan>>| plan.get();
        // The style asks `Intl` again only when the currency changes.
        let currency = Memo::new(move |_| scenario.with(|s| s.currency));
        let style = Memo::new(move |_| locale::number_style(currency.get()));
        // Read once: unreadable saved text can be millions of characters.
        let stored_text = storage::raw_workspace();
        let unreadable_pending = !opening.autosave && stored_text.is_some();
        // What storage holds now is the base of later merges; a migrated or new workspace
        // is not stored yet, so its first save writes it.
        let synced = match &stored_text {
            Some(text) if opening.autosave => Synced {
                text: text.clone(),
                base: stored_workspace::decode(&BrowserJson, text, locale::local())
                    .map_or_else(|_| opening.workspace.clone(), |read| read.workspace),
            },
            _ => Synced {
                text: String::new(),
                base: opening.workspace.clone(),
            },
        };
        let workspace = RwSignal::new(opening.workspace);
        let planner = Self {
            form,
            scenario,
            plan,
            derived: StoredValue::new(Derived {
                names: Memo::new(move |_| {
                    scenario.with(|s| s.funnel.names().map(ToString::to_string).collect())
                }),
                stage_count: Memo::new(move |_| form.with(|f| f.stages().len())),
                stages: Part::new(copy),
                budget: Part::new(copy),
                capacity: Part::new(copy),
                months: Part::new(copy),
                handoff: Part::new(copy),
                shown: StoredValue::new(Vec::new()),
                style,
                currency,
                listing: Memo::new(move |_| {
                    workspace.with(|w| {
                        w.entries()
                            .iter()
                            .map(|e| (e.id.clone(), e.name.to_string()))
                            .collect()
                    })
                }),
                current_id: Memo::new(move |_| workspace.with(|w| w.current().id.clone())),
                current_name: Memo::new(move |_| workspace.with(|w| w.current().name.to_string())),
            }),
            notices: RwSignal::new(opening.notices),
            workspace,
            back_to: RwSignal::new(opening.back_to),
            compare: RwSignal::new(opening.compare),
            unreadable_pending: RwSignal::new(unreadable_pending),
            autosave: RwSignal::new(opening.autosave),
            present: RwSignal::new(PageParams::read(&address::current_params()).present),
            synced: StoredValue::new(synced),
            shown_id: StoredValue::new(entry.id),
            histories: StoredValue::new(Histories::default()),
            undoable: RwSignal::new((false, false)),
        };
        planner.sync_outward();
        planner
    }

    /// The scenarios' identities and names, in order.
    #[must_use]
    pub fn listing(self) -> Memo<Vec<(String, String)>> {
        self.derived.get_value().listing
    }

    /// The current scenario's identity.
    #[must_use]
    pub fn current_id(self) -> Memo<String> {
        self.derived.get_value().current_id
    }

    /// The current scenario's name.
    #[must_use]
    pub fn current_name(self) -> Memo<String> {
        self.derived.get_value().current_name
    }

    /// How numbers look: the reader's locale and the plan's currency.
    #[must_use]
    pub fn style(self) -> Memo<NumberStyle> {
        self.derived.get_value().style
    }

    /// The plan's currency.
    #[must_use]
    pub fn currency(self) -> Memo<Currency> {
        self.derived.get_value().currency
    }

    /// The stages' names as the plan uses them, top first.
    #[must_use]
    pub fn names(self) -> Memo<Vec<String>> {
        self.derived.get_value().names
    }

    /// How many stage rows the form has.
    #[must_use]
    pub fn stage_count(self) -> Memo<usize> {
        self.derived.get_value().stage_count
    }

    /// What each stage needs and the forecast brings, top first.
    #[must_use]
    pub fn stages(self) -> Part<Vec<StagePlan>> {
        self.derived.get_value().stages
    }

    /// Marketing's budget.
    #[must_use]
    pub fn budget(self) -> Part<BudgetPlan> {
        self.derived.get_value().budget
    }

    /// The team's capacity.
    #[must_use]
    pub fn capacity(self) -> Part<Capacity> {
        self.derived.get_value().capacity
    }

    /// The month-by-month plan.
    #[must_use]
    pub fn months(self) -> Part<MonthPlan> {
        self.derived.get_value().months
    }

    /// The marketing-to-sales handoff.
    #[must_use]
    pub fn handoff(self) -> Part<HandoffPlan> {
        self.derived.get_value().handoff
    }

    /// Returns stage `index`'s name as the plan uses it (tracked), or an empty string past
    /// the last stage.
    pub fn stage_name(self, index: usize) -> String {
        self.names()
            .with(|names| names.get(index).cloned())
            .unwrap_or_default()
    }

    /// Returns channel `index`'s name (tracked), or an empty string past the last channel.
    pub fn channel_name(self, index: usize) -> String {
        self.scenario.with(|s| {
            s.costs
                .channels
                .get(index)
                .map(|c| c.name.to_string())
                .unwrap_or_default()
        })
    }

    /// Returns the name of the stage marketing pays for (tracked).
    pub fn lead_stage_name(self) -> String {
        self.stage_name(self.budget().with(|b| b.lead_stage))
    }

    /// Returns an input's text as typed and its message (`None` when the text is valid, else
    /// what is wrong, or else `advice`), as signals that wake only when they change.
    pub fn text(
        self,
        key: FieldKey,
        advice: Signal<Option<String>>,
    ) -> (Signal<String>, Signal<Option<String>>) {
        let shown = self.shown(key);
        let message = shown.message;
        (
            shown.text.into(),
            Signal::derive(move || message.get().or_else(|| advice.get())),
        )
    }

    /// The signals that show `key`'s text and message, made on first use.
    fn shown(self, key: FieldKey) -> Shown {
        let derived = self.derived.get_value();
        let known = derived.shown.with_value(|fields| {
            fields
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, shown)| shown.clone())
        });
        if let Some(shown) = known {
            return shown;
        }
        let shown = self.form.with_untracked(|form| Shown {
            text: ArcRwSignal::new(form.text(key).map(|t| t.text.clone()).unwrap_or_default()),
            message: ArcRwSignal::new(form.message(key)),
        });
        derived
            .shown
            .update_value(|fields| fields.push((key, shown.clone())));
        shown
    }

    /// Changes the form, then sets the texts and messages of the inputs whose text or message
    /// changed with it.
    fn change_form(self, change: impl FnOnce(&mut Form)) {
        self.form.update(change);
        self.form.with_untracked(|form| {
            self.derived.get_value().shown.with_value(|fields| {
                for &(key, ref shown) in fields {
                    let text = form.text(key).map_or("", |t| t.text.as_str());
                    if shown.text.with_untracked(|old| old != text) {
                        shown.text.set(text.to_owned());
                    }
                    let message = form.message(key);
                    if shown.message.with_untracked(|old| *old != message) {
                        shown.message.set(message);
                    }
                }
            });
        });
    }

    /// Adds a problem message unless it is already shown.
    pub fn tell(self, text: String) {
        if !self
            .notices
            .with_untracked(|list| list.iter().any(|n| n.text == text))
        {
            self.notices.update(|list| list.push(Notice::problem(text)));
        }
    }

    /// Applies a user's edit.
    pub fn edit(self, edit: Edit) {
        let at = self.tick();
        self.change_form(|form| {
            self.histories
                .update_value(|h| _ = history::apply(form, &mut h.current, edit, at));
        });
        self.show_undoable();
    }

    /// Ends the edit under way in a field (it lost focus), and so its undo step. Nothing on
    /// screen changes.
    pub fn commit(self, key: FieldKey) {
        self.form.update_untracked(|form| {
            self.histories
                .update_value(|h| _ = history::apply(form, &mut h.current, Edit::Commit(key), 0));
        });
    }

    /// The moment a new step begins.
    fn tick(self) -> u64 {
        self.histories
            .try_update_value(|h| {
                h.clock += 1;
                h.clock
            })
            .unwrap_or_default()
    }

    /// Undoes the latest step: the current scenario's last edit or the last change to the
    /// list of scenarios, whichever began later.
    pub fn undo(self) {
        let (plan, list) = self.histories.with_value(|h| {
            (
                h.current.next_undo().map(|s| s.at),
                h.scenarios.next_undo().map(|s| s.at),
            )
        });
        if list > plan {
            self.step_scenarios(true);
        } else {
            self.step_form(true);
        }
    }

    /// Redoes the latest undone step, of the plan or of the list of scenarios: the one
    /// undone last, which began earliest.
    pub fn redo(self) {
        let (plan, list) = self.histories.with_value(|h| {
            (
                h.current.next_redo().map(|s| s.at),
                h.scenarios.next_redo().map(|s| s.at),
            )
        });
        if list.is_some() && (plan.is_none() || list < plan) {
            self.step_scenarios(false);
        } else {
            self.step_form(false);
        }
    }

    /// Replaces the form with the state before (`undo`) or after its history's next step.
    fn step_form(self, undo: bool) {
        let state = self.form.get_untracked();
        let Some(Some(form)) = self.histories.try_update_value(|h| {
            if undo {
                let at = h.current.next_undo()?.at;
                h.current.undo(Stamped { state, at })
            } else {
                let at = h.current.next_redo()?.at;
                h.current.redo(Stamped { state, at })
            }
        }) else {
            return;
        };
        self.change_form(|old| *old = form.state);
        self.show_undoable();
    }

    /// Applies the next step of the list's history (`undo`, or else redo), keeping the step
    /// that reverses it for the other direction; steps that began together (an import's
    /// scenarios) go together.
    fn step_scenarios(self, undo: bool) {
        let next = |h: &Histories| {
            if undo {
                h.scenarios.next_undo().cloned()
            } else {
                h.scenarios.next_redo().cloned()
            }
        };
        let Some(first) = self.histories.with_value(next) else {
            return;
        };
        self.capture();
        while let Some(step) = self.histories.with_value(next).filter(|s| s.at == first.at) {
            let reverse = self.workspace.try_update(|w| w.apply(step.state)).flatten();
            self.histories.update_value(|h| match reverse {
                Some(state) => {
                    let reverse = Stamped { state, at: step.at };
                    _ = if undo {
                        h.scenarios.undo(reverse)
                    } else {
                        h.scenarios.redo(reverse)
                    };
                }
                // It no longer applies (another tab changed the list): dropped.
                None => h.scenarios.drop_next(undo),
            });
        }
        self.back_to.set(None);
        self.show_current();
        self.show_undoable();
    }

    /// Sets [`Planner::undoable`] from the histories, when it changed.
    fn show_undoable(self) {
        let now = self.histories.with_value(|h| {
            (
                h.current.can_undo() || h.scenarios.can_undo(),
                h.current.can_redo() || h.scenarios.can_redo(),
            )
        });
        if self.undoable.get_untracked() != now {
            self.undoable.set(now);
        }
    }

    /// Writes the form's plan into the workspace's current scenario, untracked: the
    /// workspace then holds every scenario as it is.
    fn capture(self) {
        let (plan, drafts) = self
            .form
            .with_untracked(|form| (form.scenario().clone(), form.drafts()));
        self.workspace.update_untracked(|w| {
            let entry = w.current();
            if entry.plan != plan || entry.drafts != drafts {
                w.set_current(plan, drafts);
            }
        });
    }

    /// Shows the workspace's current scenario, if the form does not already: the form
    /// takes its plan, and its own undo history comes back.
    fn show_current(self) {
        let entry = self.workspace.with_untracked(|w| w.current().clone());
        let shown = self.shown_id.get_value();
        let same = self.form.with_untracked(|form| {
            shown == entry.id && *form.scenario() == entry.plan && form.drafts() == entry.drafts
        });
        if same {
            return;
        }
        self.histories.update_value(|h| {
            let mut parked = h
                .parked
                .iter()
                .position(|(id, _)| *id == entry.id)
                .map(|i| h.parked.swap_remove(i).1)
                .unwrap_or_default();
            if shown == entry.id {
                // The same scenario, changed elsewhere: its history would undo that change.
                parked = FormHistory::default();
            }
            let old = std::mem::replace(&mut h.current, parked);
            if shown != entry.id {
                h.parked.push((shown.clone(), old));
            }
            h.current.close();
        });
        self.shown_id.set_value(entry.id.clone());
        self.change_form(|old| *old = form_of(&entry));
        self.show_undoable();
    }

    /// Makes scenario `id` current (not an undo step: nothing changes).
    pub fn switch_to(self, id: &str) {
        self.capture();
        let changed = self.workspace.try_update(|w| match w.find(id) {
            Some(index) if index != w.current_index() => w.switch(index),
            _ => false,
        });
        if changed == Some(true) {
            self.back_to.set(None);
            self.show_current();
        }
    }

    /// Changes the list of scenarios by one step, which undo reverses. Returns whether it
    /// applied.
    pub fn change_scenarios(self, step: ScenarioStep) -> bool {
        self.capture();
        let at = self.tick();
        let applied = self.record_step(step, at);
        if applied {
            self.back_to.set(None);
            self.show_current();
            self.show_undoable();
        }
        applied
    }

    /// Applies a step to the list of scenarios and records what reverses it, as part of the
    /// change that began at `at`.
    fn record_step(self, step: ScenarioStep, at: u64) -> bool {
        let Some(reverse) = self.workspace.try_update(|w| w.apply(step)).flatten() else {
            return false;
        };
        self.histories.update_value(|h| {
            h.current.close();
            h.scenarios.record(Stamped { state: reverse, at }, None);
        });
        true
    }

    /// Adds imported scenarios after the others, each under a new identity and a free name,
    /// the first of them current; one undo step removes them all. Returns their names as
    /// given.
    pub fn import_scenarios(self, entries: Vec<Entry>) -> Vec<String> {
        self.capture();
        let at = self.tick();
        let end = self.workspace.with_untracked(|w| w.entries().len());
        let count = entries.len();
        // Each goes in at the same place, last first, so they keep their order.
        for entry in entries.into_iter().rev() {
            let entry = self.new_entry(entry.name, entry.plan, entry.drafts);
            self.record_step(
                ScenarioStep::Insert {
                    index: end,
                    entry: Box::new(entry),
                },
                at,
            );
        }
        self.back_to.set(None);
        self.show_current();
        self.show_undoable();
        self.workspace.with_untracked(|w| {
            w.entries()
                .iter()
                .skip(end)
                .take(count)
                .map(|e| e.name.to_string())
                .collect()
        })
    }

    /// The whole workspace as a JSON export, every scenario as it is now.
    pub fn workspace_json(self) -> String {
        self.capture();
        self.workspace
            .with_untracked(|w| stored_workspace::encode(&BrowserJson, w))
    }

    /// Opens the comparison of the current scenario with the one before it as the baseline
    /// (what a duplicate was made from), or with the next one when it is first; or closes it.
    pub fn toggle_compare(self) {
        if self.compare.with_untracked(|ids| !ids.is_empty()) {
            self.compare.set(Vec::new());
            return;
        }
        let ids = self.workspace.with_untracked(|w| {
            let at = w.current_index();
            let first = at.saturating_sub(1);
            w.entries()
                .iter()
                .skip(first)
                .take(2)
                .map(|entry| entry.id.clone())
                .collect()
        });
        self.compare.set(ids);
    }

    /// The named plans of the compared scenarios, in order; the current one as on screen.
    pub fn compared(self) -> Vec<(ScenarioName, Scenario)> {
        let current = self.current_id().get();
        let live = self.scenario.get();
        let ids = self.compare.get();
        self.workspace.with(|w| {
            ids.iter()
                .filter_map(|id| w.find(id).map(|i| &w.entries()[i]))
                .map(|e| {
                    let plan = if e.id == current {
                        live.clone()
                    } else {
                        e.plan.clone()
                    };
                    (e.name.clone(), plan)
                })
                .collect()
        })
    }

    /// The link to the comparison as it stands: every compared scenario's plan and name
    /// (the current one as on screen), in order.
    pub fn compare_link(self) -> String {
        link::encode_compare(self.compared().iter().map(|(name, plan)| (name, plan)))
    }

    /// The current scenario as a JSON export, with its name.
    pub fn scenario_json(self) -> String {
        self.capture();
        self.workspace
            .with_untracked(|w| stored_workspace::encode_one(&BrowserJson, w.current()))
    }

    /// Adds a scenario of the default plan after the current one.
    pub fn new_scenario(self) {
        let entry = self.new_entry(
            ScenarioName::untitled(),
            Scenario::starting(locale::local()),
            Vec::new(),
        );
        let index = self.workspace.with_untracked(|w| w.current_index() + 1);
        self.change_scenarios(ScenarioStep::Insert {
            index,
            entry: Box::new(entry),
        });
    }

    /// Adds a copy of the current scenario after it, named with a suffix.
    pub fn duplicate_scenario(self) {
        self.capture();
        let (index, source) = self
            .workspace
            .with_untracked(|w| (w.current_index() + 1, w.current().clone()));
        let entry = Entry {
            actuals: source.actuals,
            ..self.new_entry(source.name, source.plan, source.drafts)
        };
        self.change_scenarios(ScenarioStep::Insert {
            index,
            entry: Box::new(entry),
        });
    }

    /// Renames the current scenario; returns what is wrong with `text` as a name, if
    /// anything.
    pub fn rename_scenario(self, text: &str) -> Option<String> {
        match ScenarioName::new(text) {
            Ok(name) => {
                let id = self.current_id().get_untracked();
                self.change_scenarios(ScenarioStep::Rename { id, name });
                None
            }
            Err(error) => Some(error.to_string()),
        }
    }

    /// Records the current scenario's actuals as `actuals` (one undo step).
    pub fn record_actuals(self, actuals: crate::model::actuals::ActualsLog) {
        let id = self.current_id().get_untracked();
        self.change_scenarios(ScenarioStep::Actuals {
            id,
            actuals: Box::new(actuals),
        });
    }

    /// Deletes the current scenario (never the last), which undo brings back.
    pub fn delete_scenario(self) {
        let (id, name, neighbour) = self.workspace.with_untracked(|w| {
            let index = w.current_index();
            let neighbour = w
                .entries()
                .get(if index == 0 { 1 } else { index - 1 })
                .map(|e| e.id.clone())
                .unwrap_or_default();
            (
                w.current().id.clone(),
                w.current().name.to_string(),
                neighbour,
            )
        });
        if self.change_scenarios(ScenarioStep::Remove {
            id,
            back_to: neighbour,
        }) {
            self.notices
                .update(|list| list.push(Notice::info(wording::storage_notices::deleted(&name))));
        }
    }

    /// A scenario with a new identity (not yet in the workspace), its name made free.
    fn new_entry(self, name: ScenarioName, plan: Scenario, drafts: Vec<(String, String)>) -> Entry {
        self.workspace
            .try_update_untracked(|w| w.new_entry(name, plan, drafts))
            .unwrap_or_else(|| Entry {
                id: String::new(),
                name: ScenarioName::untitled(),
                plan: Scenario::starting(locale::local()),
                drafts: Vec::new(),
                actuals: crate::model::actuals::ActualsLog::default(),
            })
    }

    /// Switches back to the scenario an opened link's plan took the place of.
    pub fn go_back(self) {
        if let Some(id) = self.back_to.get_untracked() {
            self.switch_to(&id);
            self.back_to.set(None);
        }
    }

    /// Follows the address the user navigated to (a changed fragment, `url`): a link's plan
    /// opens as a scenario (or switches to the one holding it).
    pub fn follow_address(self, url: &str) {
        let params = address::params_of(url);
        let present = PageParams::read(&params).present;
        if self.present.get_untracked() != present {
            self.present.set(present);
        }
        self.capture();
        let before = self.current_id().get_untracked();
        let Some(Some(notices)) = self
            .workspace
            .try_update(|w| opening::open_link(w, &params, locale::local(), clock::day_of_month()))
        else {
            return;
        };
        if !notices.is_empty() {
            self.notices.set(notices);
        }
        if self.current_id().get_untracked() != before {
            self.back_to.set(Some(before));
        }
        self.show_current();
    }

    /// Reacts to another tab saving: its changes are merged in now, so that this tab shows
    /// them (and saves nothing over them).
    pub fn other_tab_saved(self) {
        if self.autosave.get_untracked() {
            self.capture();
            self.sync_storage(false);
        }
    }

    /// Downloads the saved data that could not be read.
    pub fn download_unreadable(self) {
        let text = storage::raw_workspace().unwrap_or_default();
        if let Err(reason) = download::download_text("funnel-planner-unreadable.txt", &text) {
            self.tell(wording::download_failed(&reason));
        }
    }

    /// Clears the unreadable saved data and saves the workspace in its place.
    pub fn clear_unreadable(self) {
        match storage::clear_workspace() {
            Ok(()) => {
                self.unreadable_pending.set(false);
                self.synced.update_value(|s| s.text.clear());
                self.autosave.set(true);
            }
            Err(reason) => self.tell(wording::clear_failed(&reason)),
        }
    }

    /// Starts the effect that keeps storage and the address bar in step with the plan.
    ///
    /// The first write happens at once. Later ones wait until the frame that shows the edit
    /// has been drawn: `replaceState` and `setItem` take milliseconds, and an edit should
    /// reach the screen first. Edits within one frame are written once. A pending write is
    /// done at once when the page is hidden or left, or loses focus (to the address bar, say).
    fn sync_outward(self) {
        let form = self.form;
        let drafts = Memo::new(move |_| form.with(Form::drafts));
        let pending = StoredValue::new(false);
        let flush = move || {
            // Disposed (a test unmounted the page): nothing is pending any more.
            if pending.try_update_value(std::mem::take) == Some(true) {
                self.write_outward();
            }
        };
        Effect::new(move |ran: Option<()>| {
            self.scenario.track();
            drafts.track();
            self.autosave.track();
            self.present.track();
            self.workspace.track();
            if ran.is_none() {
                self.write_outward();
            } else if !pending.get_value() {
                pending.set_value(true);
                request_animation_frame(move || set_timeout(flush, Duration::ZERO));
            }
        });
        for event in ["pagehide", "visibilitychange", "blur"] {
            let _ = window_event_listener_untyped(event, move |_| flush());
        }
    }

    /// Writes the plan's link to the address bar and saves the workspace, unless saving is
    /// off.
    fn write_outward(self) {
        let current = self.scenario.get_untracked();
        let name = self.workspace.with_untracked(|w| w.current().name.clone());
        // Links carry valid values only; page parameters follow the plan's.
        let page = PageParams {
            present: self.present.get_untracked(),
        };
        address::replace_fragment(&format!(
            "{}{}",
            link::encode_named(&current, &name),
            page.suffix()
        ));
        if !self.autosave.get_untracked() {
            return;
        }
        self.capture();
        self.sync_storage(true);
    }

    /// Merges what another tab stored since this tab last wrote or read, then stores the
    /// workspace if its scenarios differ from what is stored, or (for this tab's own
    /// changes, `local`) its current scenario does. Another tab's save never makes this tab
    /// write only to say which scenario it shows, so two tabs never answer each other.
    fn sync_storage(self, local: bool) {
        let stored = storage::raw_workspace().unwrap_or_default();
        let changed_elsewhere = self.synced.with_value(|s| s.text != stored);
        if changed_elsewhere && !stored.is_empty() {
            if let Ok(read) = stored_workspace::decode(&BrowserJson, &stored, locale::local()) {
                self.merge_in(read.workspace, stored);
            } else {
                // Never written over: kept aside first, or this tab stops saving.
                if let Err(reason) = storage::keep_copy(storage::UNREADABLE_KEY, &stored) {
                    self.autosave.set(false);
                    self.tell(wording::storage_notices::not_saved(&reason));
                    return;
                }
                self.synced.update_value(|s| s.text.clear());
            }
        }
        let unchanged = self.synced.with_value(|synced| {
            !synced.text.is_empty()
                && self.workspace.with_untracked(|w| {
                    w.entries() == synced.base.entries()
                        && (!local || w.current().id == synced.base.current().id)
                })
        });
        if unchanged {
            return;
        }
        let text = self
            .workspace
            .with_untracked(|w| stored_workspace::encode(&BrowserJson, w));
        match storage::save(&text) {
            Ok(()) => {
                let base = self.workspace.get_untracked();
                self.synced.set_value(Synced { text, base });
            }
            Err(reason) => self.tell(wording::storage_notices::not_saved(&reason)),
        }
    }

    /// Merges another tab's stored workspace into this tab's, telling what had to be kept
    /// as a copy, and shows the current scenario as merged.
    fn merge_in(self, theirs: Workspace, text: String) {
        let merged = self.synced.with_value(|synced| {
            self.workspace
                .with_untracked(|mine| workspace::merge(&synced.base, mine, &theirs))
        });
        self.synced.set_value(Synced { text, base: theirs });
        let notices: Vec<Notice> = merged
            .copies
            .iter()
            .map(|(theirs, copy)| {
                Notice::problem(wording::storage_notices::kept_as_copy(
                    theirs.as_str(),
                    copy.as_str(),
                ))
            })
            .chain(merged.gone.iter().map(|name| {
                Notice::info(wording::storage_notices::deleted_elsewhere(
                    name.as_str(),
                    merged.workspace.current().name.as_str(),
                ))
            }))
            .collect();
        if self.workspace.with_untracked(|w| *w != merged.workspace) {
            self.workspace.set(merged.workspace);
        }
        if !notices.is_empty() {
            self.notices.update(|list| list.extend(notices));
        }
        self.show_current();
    }
}

/// The form showing a scenario, with its not-yet-valid text.
fn form_of(entry: &Entry) -> Form {
    Form::with_drafts(
        &entry.plan,
        entry.drafts.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        locale::number_locale(),
    )
}

/// One part of the plan (its budget, its months, …), read like a memo: it wakes its readers
/// only when that part changed. All parts are memos of the same type, which keeps the wasm
/// small: each memo type costs its own copy of the reactive code.
pub struct Part<T: 'static> {
    /// The plan (shared, not copied), renewed when this part changed.
    plan: Memo<Arc<Plan>>,
    /// Which part.
    part: PhantomData<fn() -> T>,
}

impl<T> Clone for Part<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Part<T> {}

/// A part of the plan that a [`Part`] follows.
pub trait PlanPart: PartialEq + 'static {
    /// Where the part lies in the plan.
    fn of(plan: &Plan) -> &Self;
}

impl PlanPart for Vec<StagePlan> {
    fn of(plan: &Plan) -> &Self {
        &plan.stages
    }
}

impl PlanPart for BudgetPlan {
    fn of(plan: &Plan) -> &Self {
        &plan.budget
    }
}

impl PlanPart for Capacity {
    fn of(plan: &Plan) -> &Self {
        &plan.capacity
    }
}

impl PlanPart for MonthPlan {
    fn of(plan: &Plan) -> &Self {
        &plan.months
    }
}

impl PlanPart for HandoffPlan {
    fn of(plan: &Plan) -> &Self {
        &plan.handoff
    }
}

impl<T: PlanPart> Part<T> {
    /// Follows this part of the plan that `copy` reads; every part shares `copy`'s type, so
    /// the memo's code is generated once.
    fn new(copy: impl Fn(Option<&Arc<Plan>>) -> Arc<Plan> + Send + Sync + 'static) -> Self {
        Self {
            plan: Memo::new_with_compare(copy, Self::changed),
            part: PhantomData,
        }
    }

    /// Whether two plans differ in this part.
    fn changed(a: Option<&Arc<Plan>>, b: Option<&Arc<Plan>>) -> bool {
        a.map(|plan| T::of(plan)) != b.map(|plan| T::of(plan))
    }

    /// Reads the part (tracked).
    pub fn with<R>(self, read: impl FnOnce(&T) -> R) -> R {
        self.plan.with(|plan| read(T::of(plan)))
    }

    /// Reads the part without tracking it, for event handlers.
    pub fn with_untracked<R>(self, read: impl FnOnce(&T) -> R) -> R {
        self.plan.with_untracked(|plan| read(T::of(plan)))
    }
}
