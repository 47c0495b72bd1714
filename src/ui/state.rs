//! The planner's root state: the form in one signal, everything else derived from it.
//!
//! [`Planner`] is `Copy` and passed to every component. Edits go through [`Planner::edit`] as
//! [`Edit`] values; replacing the whole plan (a restored saved plan, a changed address, another
//! tab's plan) goes through [`Planner::open`]. Effects only sync outward: storage and the
//! address bar.
//!
//! Components read the narrowest memo that holds what they show: a stage name from
//! [`Planner::names`], a budget figure from [`Planner::budget`], an input's text from
//! [`Planner::text`]. A memo wakes its readers only when its value changed, so an edit costs
//! what it changes, not what the page shows; and no memo has hundreds of readers, which
//! would make every re-run pay for the others (each reader leaves and rejoins the list).
//!
//! Storage is never written over what the page could not read: autosave is off when storage
//! is blocked or unreadable, while an opened link's plan or another tab's plan is pending a
//! choice, and when the copy that must precede a replacement could not be written.

use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use leptos::leptos_dom::helpers::window_event_listener_untyped;
use leptos::prelude::*;

use crate::browser::json::BrowserJson;
use crate::browser::{address, download, locale, storage};
use crate::codec::link::{self, PageParams};
use crate::codec::opening::{self, Notice, Opening};
use crate::codec::saved::{self, SavedPlan, Stored};
use crate::model::budget::BudgetPlan;
use crate::model::capacity::Capacity;
use crate::model::format::NumberStyle;
use crate::model::handoff::HandoffPlan;
use crate::model::history::{self, FormHistory};
use crate::model::monthly::MonthPlan;
use crate::model::wording;
use crate::model::{Currency, Edit, FieldKey, Form, Plan, Scenario, StagePlan, compute};

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
    /// The saved plan a link's plan is shown instead of, until the user edits.
    pub saved_offer: RwSignal<Option<SavedPlan>>,
    /// A different plan another tab saved, offered to load; saving waits for the choice.
    pub other_tab: RwSignal<Option<SavedPlan>>,
    /// Whether unreadable saved data is waiting to be downloaded before it may be cleared.
    pub unreadable_pending: RwSignal<bool>,
    /// Whether the page saves to storage.
    pub autosave: RwSignal<bool>,
    /// Meeting mode (`present=1`, a page parameter written after the plan's link).
    pub present: RwSignal<bool>,
    /// The text this tab last saved or read, to tell its own saves from another tab's.
    last_saved: StoredValue<String>,
    /// The plan's undo history.
    history: StoredValue<FormHistory>,
    /// Whether there is a step to undo, and one to redo.
    pub undoable: RwSignal<(bool, bool)>,
}

impl Planner {
    /// Creates the state from what the page opened with, and starts the autosave and
    /// address-bar effects.
    #[must_use]
    pub fn new(opening: Opening) -> Self {
        let form = RwSignal::new(Form::with_drafts(
            &opening.scenario,
            opening.drafts.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            locale::number_locale(),
        ));
        let scenario = Memo::new(move |_| form.with(|form| form.scenario().clone()));
        let plan = Memo::new(move |_| Arc::new(scenario.with(compute)));
        let copy = move |_: Option<&Arc<Plan>>| plan.get();
        // The style asks `Intl` again only when the currency changes.
        let currency = Memo::new(move |_| scenario.with(|s| s.currency));
        let style = Memo::new(move |_| locale::number_style(currency.get()));
        // Read once: unreadable saved text can be millions of characters.
        let stored_text = storage::raw_plan();
        let unreadable_pending = !opening.autosave && stored_text.is_some();
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
            }),
            notices: RwSignal::new(opening.notices),
            saved_offer: RwSignal::new(opening.saved_offer),
            other_tab: RwSignal::new(None),
            unreadable_pending: RwSignal::new(unreadable_pending),
            autosave: RwSignal::new(opening.autosave),
            present: RwSignal::new(PageParams::read(&address::current_params()).present),
            last_saved: StoredValue::new(stored_text.unwrap_or_default()),
            history: StoredValue::new(FormHistory::default()),
            undoable: RwSignal::new((false, false)),
        };
        planner.sync_outward();
        planner
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

    /// Applies a user's edit. The first edit of an opened link's plan lets autosave replace
    /// the plan saved before, once a copy of it is kept; if the copy cannot be written, the
    /// saved plan stays and this tab stops saving.
    pub fn edit(self, edit: Edit) {
        if let Some(saved) = self.saved_offer.get_untracked() {
            let text = saved::encode(&BrowserJson, &saved.scenario, &saved.drafts);
            if let Err(reason) = storage::keep_copy(storage::PREVIOUS_KEY, &text) {
                self.autosave.set(false);
                self.tell(wording::storage_notices::saved_not_copied(&reason));
            }
            self.saved_offer.set(None);
        }
        self.change_form(|form| {
            self.history
                .update_value(|history| _ = history::apply(form, history, edit));
        });
        self.show_undoable();
    }

    /// Ends the edit under way in a field (it lost focus), and so its undo step. Nothing on
    /// screen changes.
    pub fn commit(self, key: FieldKey) {
        self.form.update_untracked(|form| {
            self.history
                .update_value(|history| _ = history::apply(form, history, Edit::Commit(key)));
        });
    }

    /// Undoes the last step of the plan, if there is one.
    pub fn undo(self) {
        self.step(FormHistory::undo);
    }

    /// Redoes the last undone step, if there is one.
    pub fn redo(self) {
        self.step(FormHistory::redo);
    }

    /// Replaces the form with the state `take` gives from the history for the current one.
    fn step(self, take: fn(&mut FormHistory, Form) -> Option<Form>) {
        let current = self.form.get_untracked();
        let Some(Some(form)) = self
            .history
            .try_update_value(|history| take(history, current))
        else {
            return;
        };
        self.change_form(|old| *old = form);
        self.show_undoable();
    }

    /// Sets [`Planner::undoable`] from the history, when it changed.
    fn show_undoable(self) {
        let now = self
            .history
            .with_value(|history| (history.can_undo(), history.can_redo()));
        if self.undoable.get_untracked() != now {
            self.undoable.set(now);
        }
    }

    /// Shows a whole plan in place of the current one (the form's text is reset).
    pub fn open(self, opening: Opening) {
        let form = Form::with_drafts(
            &opening.scenario,
            opening.drafts.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            locale::number_locale(),
        );
        self.change_form(|old| *old = form);
        // Another plan begins its own history: undo never brings back, and so autosaves,
        // a plan this tab has replaced (it is kept aside in storage instead).
        self.history.set_value(FormHistory::default());
        self.show_undoable();
        self.notices.set(opening.notices);
        self.saved_offer.set(opening.saved_offer);
        if !opening.autosave {
            self.autosave.set(false);
        }
    }

    /// Brings back the saved plan that an opened link replaced on screen.
    pub fn restore_saved(self) {
        if let Some(saved) = self.saved_offer.get_untracked() {
            self.open(Opening {
                scenario: saved.scenario,
                drafts: saved.drafts,
                notices: vec![Notice::info(wording::SAVED_PLAN_BACK)],
                saved_offer: None,
                autosave: true,
            });
        }
    }

    /// Reads the address again after the user changed its fragment by hand.
    pub fn follow_address(self) {
        let params = address::current_params();
        let present = PageParams::read(&params).present;
        if self.present.get_untracked() != present {
            self.present.set(present);
        }
        if !params.has_scenario() {
            return;
        }
        let local = locale::local();
        let decoded = link::decode(&params, local);
        if decoded.scenario == self.scenario.get_untracked() && decoded.problems.is_empty() {
            return;
        }
        // The plan on screen was autosaved unless a link's plan was pending, in which case the
        // earlier offer still stands.
        let stored = match self.saved_offer.get_untracked() {
            Some(saved) => Stored::Plan(Box::new(saved)),
            None => storage::load(),
        };
        self.open(opening::resolve(&params, stored, local));
    }

    /// Reacts to another tab saving: a different plan is offered, and this tab stops saving
    /// until the user chooses.
    pub fn other_tab_saved(self, text: Option<String>) {
        let Some(text) = text else {
            return;
        };
        if text == self.last_saved.get_value() {
            return;
        }
        match saved::decode(&BrowserJson, &text, locale::local()) {
            Ok(plan) if plan.scenario == self.scenario.get_untracked() => {
                // The same plan: nothing to choose, and nothing to save over.
                self.last_saved.set_value(text);
            }
            Ok(plan) => self.other_tab.set(Some(plan)),
            Err(_) => {}
        }
    }

    /// Loads the plan another tab saved, after copying this tab's plan aside; if the copy
    /// cannot be written, nothing is replaced.
    pub fn load_other_tab(self) {
        if let Some(plan) = self.other_tab.get_untracked() {
            let (scenario, drafts) = self
                .form
                .with_untracked(|form| (form.scenario().clone(), form.drafts()));
            let mine = saved::encode(&BrowserJson, &scenario, &drafts);
            let kept = match storage::keep_copy(storage::PREVIOUS_KEY, &mine) {
                Ok(key) => key,
                Err(reason) => {
                    self.tell(wording::storage_notices::this_tab_not_copied(&reason));
                    return;
                }
            };
            self.last_saved
                .set_value(saved::encode(&BrowserJson, &plan.scenario, &plan.drafts));
            self.other_tab.set(None);
            self.open(Opening {
                scenario: plan.scenario,
                drafts: plan.drafts,
                notices: vec![Notice::info(wording::storage_notices::other_tab_loaded(
                    &kept,
                ))],
                saved_offer: None,
                autosave: true,
            });
        }
    }

    /// Keeps this tab's plan: the other tab's plan is copied aside first, then this one is
    /// saved. If the copy cannot be written, nothing is overwritten.
    pub fn keep_this_tab(self) {
        if let Some(plan) = self.other_tab.get_untracked() {
            let text = saved::encode(&BrowserJson, &plan.scenario, &plan.drafts);
            match storage::keep_copy(storage::PREVIOUS_KEY, &text) {
                Ok(key) => {
                    self.notices.update(|list| {
                        list.push(Notice::info(wording::storage_notices::other_tab_kept(&key)));
                    });
                    self.last_saved.set_value(String::new());
                }
                Err(reason) => {
                    self.autosave.set(false);
                    self.tell(wording::storage_notices::other_tab_not_copied(&reason));
                }
            }
            self.other_tab.set(None);
        }
    }

    /// Downloads the saved data that could not be read.
    pub fn download_unreadable(self) {
        let text = storage::raw_plan().unwrap_or_default();
        if let Err(reason) = download::download_text("funnel-planner-unreadable.txt", &text) {
            self.tell(wording::download_failed(&reason));
        }
    }

    /// Clears the unreadable saved data and saves this plan in its place.
    pub fn clear_unreadable(self) {
        match storage::clear_plan() {
            Ok(()) => {
                self.unreadable_pending.set(false);
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
                self.write_outward(drafts);
            }
        };
        Effect::new(move |ran: Option<()>| {
            self.scenario.track();
            drafts.track();
            self.autosave.track();
            self.present.track();
            self.saved_offer.track();
            self.other_tab.track();
            if ran.is_none() {
                self.write_outward(drafts);
            } else if !pending.get_value() {
                pending.set_value(true);
                request_animation_frame(move || set_timeout(flush, Duration::ZERO));
            }
        });
        for event in ["pagehide", "visibilitychange", "blur"] {
            let _ = window_event_listener_untyped(event, move |_| flush());
        }
    }

    /// Writes the plan's link to the address bar and saves the plan, unless saving is off or
    /// could destroy something.
    fn write_outward(self, drafts: Memo<Vec<(String, String)>>) {
        let Self {
            scenario,
            saved_offer,
            other_tab,
            autosave,
            last_saved,
            ..
        } = self;
        let current = scenario.get_untracked();
        // Links carry valid values only; page parameters follow the plan's.
        let page = PageParams {
            present: self.present.get_untracked(),
        };
        address::replace_fragment(&format!("{}{}", link::encode(&current), page.suffix()));
        // Nothing is written while a choice about a saved plan is pending, or when saving
        // could destroy something.
        if !autosave.get_untracked()
            || saved_offer.with_untracked(Option::is_some)
            || other_tab.with_untracked(Option::is_some)
        {
            return;
        }
        let text = drafts.with_untracked(|drafts| saved::encode(&BrowserJson, &current, drafts));
        if last_saved.with_value(|last| *last == text) {
            return;
        }
        match storage::save(&text) {
            Ok(()) => last_saved.set_value(text),
            Err(reason) => self.tell(wording::storage_notices::not_saved(&reason)),
        }
    }
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
