//! The planner's root state: the form in one signal, everything else derived from it.
//!
//! [`Planner`] is `Copy` and passed to every component. Edits go through [`Planner::edit`];
//! replacing the whole plan (a restored saved plan, a changed address) goes through
//! [`Planner::open`]. Effects only sync outward: storage and the address bar.

use leptos::prelude::*;

use crate::browser::{address, clock, storage};
use crate::codec::link;
use crate::codec::opening::{self, Notice, Opening};
use crate::model::{Form, Plan, Scenario, compute};

/// The planner's state, shared by every component.
#[derive(Clone, Copy)]
pub struct Planner {
    /// Every field as typed, with its last valid value.
    pub form: RwSignal<Form>,
    /// The scenario the plan uses: the form's valid values.
    pub scenario: Memo<Scenario>,
    /// The computed plan.
    pub plan: Memo<Plan>,
    /// Messages about links and storage.
    pub notices: RwSignal<Vec<Notice>>,
    /// The saved plan a link's plan is shown instead of, until the user edits.
    pub saved_offer: RwSignal<Option<Scenario>>,
}

impl Planner {
    /// Creates the state from what the page opened with, and starts the autosave and
    /// address-bar effects.
    #[must_use]
    pub fn new(opening: Opening) -> Self {
        let form = RwSignal::new(Form::from_scenario(&opening.scenario));
        let scenario = Memo::new(move |_| form.with(Form::scenario));
        let plan = Memo::new(move |_| scenario.with(compute));
        let planner = Self {
            form,
            scenario,
            plan,
            notices: RwSignal::new(opening.notices),
            saved_offer: RwSignal::new(opening.saved_offer),
        };
        planner.sync_outward();
        planner
    }

    /// Returns stage `index`'s name as the plan uses it (tracked), or an empty string past
    /// the last stage.
    pub fn stage_name(self, index: usize) -> String {
        self.scenario
            .with(|s| s.funnel.name(index).map(ToString::to_string))
            .unwrap_or_default()
    }

    /// Returns the name of the stage marketing pays for (tracked).
    pub fn lead_stage_name(self) -> String {
        self.stage_name(self.plan.with(|p| p.budget.lead_stage))
    }

    /// Applies a user's edit. The first edit of an opened link's plan lets autosave replace
    /// the plan saved before, keeping a copy of it.
    pub fn edit(self, change: impl FnOnce(&mut Form)) {
        if let Some(saved) = self.saved_offer.get_untracked() {
            storage::keep_previous(&saved);
            self.saved_offer.set(None);
        }
        self.form.update(change);
    }

    /// Shows a whole plan in place of the current one (the form's text is reset).
    pub fn open(self, opening: Opening) {
        self.form.set(Form::from_scenario(&opening.scenario));
        self.notices.set(opening.notices);
        self.saved_offer.set(opening.saved_offer);
    }

    /// Brings back the saved plan that an opened link replaced on screen.
    pub fn restore_saved(self) {
        if let Some(saved) = self.saved_offer.get_untracked() {
            self.open(Opening {
                scenario: saved,
                notices: vec![Notice::info("Your saved plan is back.")],
                saved_offer: None,
            });
        }
    }

    /// Reads the address again after the user changed its fragment by hand.
    pub fn follow_address(self) {
        let params = address::current_params();
        if !params.has_scenario() {
            return;
        }
        let today = clock::this_month();
        let decoded = link::decode(&params, today);
        if decoded.scenario == self.scenario.get_untracked() && decoded.problems.is_empty() {
            return;
        }
        // The plan on screen was autosaved unless a link's plan was pending, in which case the
        // earlier offer still stands.
        let stored = match self.saved_offer.get_untracked() {
            Some(saved) => crate::codec::saved::Stored::Plan(Box::new(saved)),
            None => storage::load(),
        };
        self.open(opening::resolve(&params, stored, today));
    }

    /// Starts the effects that keep storage and the address bar in step with the plan.
    fn sync_outward(self) {
        let Self {
            scenario,
            saved_offer,
            notices,
            ..
        } = self;
        Effect::new(move |_| {
            let current = scenario.get();
            address::replace_fragment(&link::encode(&current));
            // While an opened link's plan is pending, the plan saved before stays untouched.
            if saved_offer.with(Option::is_some) {
                return;
            }
            if let Err(reason) = storage::save(&current) {
                let text = format!("This plan could not be saved in the browser: {reason}.");
                if !notices.with_untracked(|list| list.iter().any(|n| n.text == text)) {
                    notices.update(|list| list.push(Notice::problem(text)));
                }
            }
        });
    }
}
