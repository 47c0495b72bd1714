//! Undo and redo: the states before each step, bounded, with typing in one field merged into
//! one step.
//!
//! Modelled on egui's `Undoer`, which makes a step once the state has been stable for a
//! while; here a step ends on a clear signal instead: the field loses focus, another field is
//! typed in, or a whole edit happens (a stage added, a preset applied). So "undo" after typing
//! `45000` into Deal size gives back the deal size before the typing, not `4500`.
//!
//! [`History`] keeps states, not edits, so undoing any edit is the same operation, and what
//! it restores is exactly what was on screen.

use std::collections::VecDeque;

use super::{Edit, FieldKey, Form};

/// How many steps each history keeps; the oldest go first.
pub const STEPS_KEPT: usize = 100;

/// The states before each undoable step of one plan, and the states undone since.
///
/// `M` names what a step merges on: two records with the same `Some(merge)`, with no
/// [`History::close`] between them, make one step.
#[derive(Clone, Debug, PartialEq)]
pub struct History<T, M> {
    /// The state before each step, oldest first.
    undo: VecDeque<T>,
    /// The states undone, the most recently undone last.
    redo: Vec<T>,
    /// What the step under way merges on, if it merges.
    open: Option<M>,
    /// How many steps are kept.
    limit: usize,
}

impl<T, M: PartialEq> Default for History<T, M> {
    fn default() -> Self {
        Self::new(STEPS_KEPT)
    }
}

impl<T, M: PartialEq> History<T, M> {
    /// An empty history keeping at most `limit` steps (at least one).
    #[must_use]
    pub fn new(limit: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            open: None,
            limit: limit.max(1),
        }
    }

    /// Records that the state changed from `before`. With `merge` equal to the step under
    /// way's, the change joins that step (its state before is already kept); otherwise a new
    /// step begins. Either way what was undone can no longer be redone.
    pub fn record(&mut self, before: T, merge: Option<M>) {
        self.redo.clear();
        if self.joins(merge.as_ref()) {
            return;
        }
        if self.undo.len() == self.limit {
            self.undo.pop_front();
        }
        self.undo.push_back(before);
        self.open = merge;
    }

    /// Whether a change merging on `merge` would join the step under way, so that the caller
    /// need not copy the state before it.
    #[must_use]
    pub fn joins(&self, merge: Option<&M>) -> bool {
        merge.is_some() && merge == self.open.as_ref()
    }

    /// Notes a change that joins the step under way: what was undone can no longer be
    /// redone.
    pub fn join(&mut self) {
        self.redo.clear();
    }

    /// Ends the step under way: the next change begins a new step even if it merges on the
    /// same thing.
    pub fn close(&mut self) {
        self.open = None;
    }

    /// Steps back: returns the state before the last step, keeping `current` to redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let before = self.undo.pop_back()?;
        self.redo.push(current);
        self.open = None;
        Some(before)
    }

    /// Steps forward again: returns the state the last undo left, keeping `current` to undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let after = self.redo.pop()?;
        self.undo.push_back(current);
        self.open = None;
        Some(after)
    }

    /// Drops the next step to undo (`undo`) or redo, which no longer applies.
    pub fn drop_next(&mut self, undo: bool) {
        if undo {
            self.undo.pop_back();
        } else {
            self.redo.pop();
        }
    }

    /// The state the next undo returns.
    #[must_use]
    pub fn next_undo(&self) -> Option<&T> {
        self.undo.back()
    }

    /// The state the next redo returns.
    #[must_use]
    pub fn next_redo(&self) -> Option<&T> {
        self.redo.last()
    }

    /// Whether there is a step to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone step to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// A state with the moment its step began, as a count of the tab's steps: undo takes the
/// latest step of the plan's history or the workspace's, whichever began later.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamped<T> {
    /// The state.
    pub state: T,
    /// When its step began.
    pub at: u64,
}

/// A plan's undo history: whole forms, merging typing by field.
pub type FormHistory = History<Stamped<Form>, FieldKey>;

/// Applies a user's `edit` to `form` and records it in `history`, a step beginning at `at`;
/// returns whether the form changed. Leaving a field ([`Edit::Commit`]) ends the typing step;
/// an edit that changes nothing records nothing.
pub fn apply(form: &mut Form, history: &mut FormHistory, edit: Edit, at: u64) -> bool {
    if let Edit::Commit(_) = edit {
        history.close();
        return form.apply(edit);
    }
    let merge = edit.merges_on();
    let before = (!history.joins(merge.as_ref())).then(|| Stamped {
        state: form.clone(),
        at,
    });
    let changed = form.apply(edit);
    if changed {
        match before {
            Some(before) => history.record(before, merge),
            // Joins the step under way, whose state before is kept already: only the redo
            // is dropped.
            None => history.join(),
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Scenario, YearMonth};

    /// An action on a history of numbers: typing into a named field, a whole edit, a blur,
    /// an undo or a redo.
    #[derive(Clone, Copy)]
    enum Act {
        Type(char, i32),
        Whole(i32),
        Close,
        Undo,
        Redo,
    }

    /// Runs `acts` from state 0 and returns the state after each, so each test reads as a
    /// table of what a user did and what they see.
    fn run(limit: usize, acts: &[Act]) -> Vec<i32> {
        let mut history: History<i32, char> = History::new(limit);
        let mut state = 0;
        acts.iter()
            .map(|&act| {
                match act {
                    Act::Type(field, to) => {
                        history.record(state, Some(field));
                        state = to;
                    }
                    Act::Whole(to) => {
                        history.record(state, None);
                        state = to;
                    }
                    Act::Close => history.close(),
                    Act::Undo => state = history.undo(state).unwrap_or(state),
                    Act::Redo => state = history.redo(state).unwrap_or(state),
                }
                state
            })
            .collect()
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        use Act::{Redo, Type, Undo};
        assert_eq!(
            run(
                10,
                &[Type('d', 4), Type('d', 45), Type('d', 450), Undo, Redo]
            ),
            [4, 45, 450, 0, 450]
        );
    }

    #[test]
    fn leaving_the_field_or_moving_to_another_ends_the_step() {
        use Act::{Close, Type, Undo};
        assert_eq!(
            run(10, &[Type('d', 4), Close, Type('d', 45), Undo, Undo]),
            [4, 4, 45, 4, 0]
        );
        assert_eq!(
            run(
                10,
                &[Type('d', 4), Type('q', 5), Type('d', 6), Undo, Undo, Undo]
            ),
            [4, 5, 6, 5, 4, 0]
        );
    }

    #[test]
    fn whole_edits_never_merge() {
        use Act::{Type, Undo, Whole};
        assert_eq!(
            run(
                10,
                &[Whole(1), Whole(2), Type('d', 3), Whole(4), Undo, Undo, Undo]
            ),
            [1, 2, 3, 4, 3, 2, 1]
        );
    }

    #[test]
    fn an_edit_after_undo_drops_the_redo_and_begins_a_step() {
        use Act::{Redo, Type, Undo};
        // Undo ends the typing step, so typing again in the same field is a new step.
        assert_eq!(
            run(10, &[Type('d', 1), Undo, Type('d', 7), Redo, Undo]),
            [1, 0, 7, 7, 0]
        );
    }

    #[test]
    fn the_oldest_steps_go_past_the_limit() {
        use Act::{Undo, Whole};
        assert_eq!(
            run(2, &[Whole(1), Whole(2), Whole(3), Undo, Undo, Undo]),
            [1, 2, 3, 2, 1, 1]
        );
    }

    #[test]
    fn nothing_to_undo_or_redo_changes_nothing() {
        use Act::{Redo, Undo};
        assert_eq!(run(10, &[Undo, Redo]), [0, 0]);
        let history: History<i32, char> = History::default();
        assert!(!history.can_undo() && !history.can_redo());
    }

    fn stamp(form: &Form) -> Stamped<Form> {
        Stamped {
            state: form.clone(),
            at: 0,
        }
    }

    /// Types `texts` into `key` one after another, as keystrokes do.
    fn type_keys(form: &mut Form, history: &mut FormHistory, key: FieldKey, texts: &[&str]) {
        for text in texts {
            apply(form, history, Edit::Type(key, (*text).to_owned()), 0);
        }
    }

    #[test]
    fn undo_gives_back_the_form_before_the_typing_in_a_field() {
        let start = Form::new(&Scenario::starting(YearMonth::new(2026, 11).unwrap()));
        let deal = FieldKey::Field(Field::Deal);
        let quota = FieldKey::Field(Field::Quota);
        let (mut form, mut history) = (start.clone(), FormHistory::default());
        type_keys(&mut form, &mut history, deal, &["4", "45", "450", "4500"]);
        apply(&mut form, &mut history, Edit::Commit(deal), 0);
        let typed = form.clone();
        type_keys(&mut form, &mut history, quota, &["9", "90"]);
        apply(&mut form, &mut history, Edit::AddStage, 1);
        let added = form.clone();
        // Add stage, the quota's typing, the deal's typing: three steps.
        let mut seen = Vec::new();
        while let Some(before) = history.undo(stamp(&form)) {
            form = before.state;
            seen.push(form.clone());
        }
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[1], typed);
        assert_eq!(seen[2], start);
        while let Some(after) = history.redo(stamp(&form)) {
            form = after.state;
        }
        assert_eq!(form, added);
    }

    #[test]
    fn a_menu_choice_is_a_step_and_no_change_records_nothing() {
        let mut form = Form::new(&Scenario::starting(YearMonth::new(2026, 11).unwrap()));
        let mut history = FormHistory::default();
        let period = FieldKey::Field(Field::Period);
        apply(
            &mut form,
            &mut history,
            Edit::Type(period, "month".to_owned()),
            0,
        );
        apply(
            &mut form,
            &mut history,
            Edit::Type(period, "year".to_owned()),
            1,
        );
        let year = form.clone();
        // Moving the top stage up changes nothing, and is no step.
        assert!(!apply(&mut form, &mut history, Edit::MoveStageUp(0), 2));
        assert_eq!(
            history.next_undo().map(|s| s.at),
            Some(1),
            "when the step began"
        );
        let before = history.undo(stamp(&form)).unwrap();
        assert_ne!(before.state, year);
        assert!(history.undo(before).is_some());
        assert!(!history.can_undo());
    }
}
