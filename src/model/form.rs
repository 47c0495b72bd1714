//! The planner's input form: the text in every field and the last valid value behind it.
//!
//! A field that holds bad text keeps that text (the user's typing is never thrown away) and
//! its error, while the plan goes on using the field's last valid value. All edits go through
//! [`Form`]'s methods, which keep the stage list a valid funnel of 2 to 20 stages.

use super::amount::{Money, Volume};
use super::number::NumberError;
use super::rate::Rate;
use super::scenario::{Rounding, Scenario};
use super::stage::{Funnel, NameError, StageName, Step};

/// One input field: what is typed, the last valid value, and why the text is not valid.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<T, E = NumberError> {
    /// The text as typed.
    pub text: String,
    /// The last valid value; used by the plan while the text is invalid.
    pub value: T,
    /// Why the text is not valid, or `None` when `value` is what the text says.
    pub error: Option<E>,
}

impl<T, E> Entry<T, E> {
    /// Returns an entry showing `text` for a valid `value`.
    pub fn valid(text: String, value: T) -> Self {
        Self {
            text,
            value,
            error: None,
        }
    }

    /// Replaces the text, and the value when `parse` accepts the text.
    pub fn edit(&mut self, text: &str, parse: impl FnOnce(&str) -> Result<T, E>) {
        text.clone_into(&mut self.text);
        match parse(text) {
            Ok(value) => {
                self.value = value;
                self.error = None;
            }
            Err(error) => self.error = Some(error),
        }
    }
}

/// One stage's row: its name and, below the top, its conversion rate.
#[derive(Clone, Debug, PartialEq)]
pub struct StageEntry {
    /// The stage's name field.
    pub name: Entry<StageName, NameError>,
    /// The rate field; `None` for the top stage, which has no stage above it.
    pub rate: Option<Entry<Rate>>,
}

/// Rate given to a stage added with [`Form::add_stage`].
const NEW_STAGE_RATE_PPM: u32 = 500_000;

/// The whole input form.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    /// The revenue quota field.
    pub quota: Entry<Money>,
    /// The average deal size field.
    pub deal_size: Entry<Money>,
    /// The planned traffic field.
    pub traffic: Entry<Volume>,
    /// The rounding rule (a menu, so always valid).
    pub rounding: Rounding,
    stages: Vec<StageEntry>,
}

impl Form {
    /// Returns the form showing a scenario.
    #[must_use]
    pub fn from_scenario(scenario: &Scenario) -> Self {
        let funnel = &scenario.funnel;
        let stages = std::iter::once(StageEntry {
            name: name_entry(funnel.top()),
            rate: None,
        })
        .chain(funnel.steps().iter().map(|step| StageEntry {
            name: name_entry(&step.name),
            rate: Some(rate_entry(step.rate)),
        }))
        .collect();
        Self {
            quota: Entry::valid(scenario.quota.to_display(), scenario.quota),
            deal_size: Entry::valid(scenario.deal_size.to_display(), scenario.deal_size),
            traffic: Entry::valid(scenario.traffic.to_display(), scenario.traffic),
            rounding: scenario.rounding,
            stages,
        }
    }

    /// Returns the scenario the plan uses: every field's last valid value.
    #[must_use]
    pub fn scenario(&self) -> Scenario {
        let top = self.stages[0].name.value.clone();
        let steps = self.stages[1..]
            .iter()
            .map(|stage| Step {
                name: stage.name.value.clone(),
                rate: stage.rate.as_ref().map_or(Rate::WHOLE, |rate| rate.value),
            })
            .collect();
        Scenario {
            quota: self.quota.value,
            deal_size: self.deal_size.value,
            traffic: self.traffic.value,
            // The edit methods keep 2..=20 stages, so this cannot fail; the default is a guard.
            funnel: Funnel::new(top, steps).unwrap_or_else(|_| Scenario::default_funnel()),
            rounding: self.rounding,
        }
    }

    /// Returns the stage rows, top first.
    #[must_use]
    pub fn stages(&self) -> &[StageEntry] {
        &self.stages
    }

    /// Returns how many fields hold text that is not valid.
    #[must_use]
    pub fn invalid_count(&self) -> usize {
        let stage_errors = self.stages.iter().map(|stage| {
            usize::from(stage.name.error.is_some())
                + usize::from(stage.rate.as_ref().is_some_and(|rate| rate.error.is_some()))
        });
        usize::from(self.quota.error.is_some())
            + usize::from(self.deal_size.error.is_some())
            + usize::from(self.traffic.error.is_some())
            + stage_errors.sum::<usize>()
    }

    /// Edits the quota field.
    pub fn set_quota(&mut self, text: &str) {
        self.quota.edit(text, Money::parse);
    }

    /// Edits the deal size field.
    pub fn set_deal_size(&mut self, text: &str) {
        self.deal_size.edit(text, Money::parse_positive);
    }

    /// Edits the planned traffic field.
    pub fn set_traffic(&mut self, text: &str) {
        self.traffic.edit(text, Volume::parse);
    }

    /// Edits the name of stage `index`; does nothing past the last stage.
    pub fn set_stage_name(&mut self, index: usize, text: &str) {
        if let Some(stage) = self.stages.get_mut(index) {
            stage.name.edit(text, StageName::new);
        }
    }

    /// Edits the rate into stage `index`; does nothing for the top stage or past the last.
    pub fn set_stage_rate(&mut self, index: usize, text: &str) {
        if let Some(rate) = self.stages.get_mut(index).and_then(|s| s.rate.as_mut()) {
            rate.edit(text, Rate::parse_percent);
        }
    }

    /// Whether another stage can be added.
    #[must_use]
    pub fn can_add_stage(&self) -> bool {
        self.stages.len() < Funnel::MAX_STAGES
    }

    /// Whether a stage can be removed.
    #[must_use]
    pub fn can_remove_stage(&self) -> bool {
        self.stages.len() > Funnel::MIN_STAGES
    }

    /// Adds a stage just above the last (closed-won) stage, at a 50 % rate, and returns its
    /// index; returns `None` when the funnel already has 20 stages.
    pub fn add_stage(&mut self) -> Option<usize> {
        if !self.can_add_stage() {
            return None;
        }
        let index = self.stages.len() - 1;
        let name = StageName::new("New stage").unwrap_or_else(|_| unreachable!("valid name"));
        let rate = Rate::from_ppm(NEW_STAGE_RATE_PPM).unwrap_or(Rate::WHOLE);
        self.stages.insert(
            index,
            StageEntry {
                name: name_entry(&name),
                rate: Some(rate_entry(rate)),
            },
        );
        Some(index)
    }

    /// Removes stage `index`; returns whether it did (a funnel keeps at least two stages).
    /// Removing the top stage makes the next one the top, and its rate is dropped.
    pub fn remove_stage(&mut self, index: usize) -> bool {
        if !self.can_remove_stage() || index >= self.stages.len() {
            return false;
        }
        self.stages.remove(index);
        self.stages[0].rate = None;
        true
    }

    /// Swaps stage `index` with the one above it; returns whether it moved.
    ///
    /// A stage carries its rate with it, except at the top: swapping the top two stages swaps
    /// their names only, so the conversion between the top two positions is kept.
    pub fn move_stage_up(&mut self, index: usize) -> bool {
        if index == 0 || index >= self.stages.len() {
            return false;
        }
        if index == 1 {
            let (top, below) = self.stages.split_at_mut(1);
            std::mem::swap(&mut top[0].name, &mut below[0].name);
        } else {
            self.stages.swap(index - 1, index);
        }
        true
    }

    /// Swaps stage `index` with the one below it; returns whether it moved.
    pub fn move_stage_down(&mut self, index: usize) -> bool {
        self.move_stage_up(index + 1)
    }
}

/// A name field showing a valid name.
fn name_entry(name: &StageName) -> Entry<StageName, NameError> {
    Entry::valid(name.as_str().to_owned(), name.clone())
}

/// A rate field showing a valid rate as a percentage number.
fn rate_entry(rate: Rate) -> Entry<Rate> {
    Entry::valid(rate.percent_plain(), rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(form: &Form) -> Vec<String> {
        form.stages().iter().map(|s| s.name.text.clone()).collect()
    }

    fn rates(form: &Form) -> Vec<Option<String>> {
        form.stages()
            .iter()
            .map(|s| s.rate.as_ref().map(|r| r.text.clone()))
            .collect()
    }

    #[test]
    fn shows_a_scenario_and_gives_it_back() {
        let scenario = Scenario::default();
        let form = Form::from_scenario(&scenario);
        assert_eq!(form.quota.text, "1,000,000");
        assert_eq!(form.traffic.text, "200,000");
        assert_eq!(rates(&form)[1].as_deref(), Some("2"));
        assert_eq!(form.scenario(), scenario);
        assert_eq!(form.invalid_count(), 0);
    }

    #[test]
    fn bad_text_is_kept_and_the_last_valid_value_is_used() {
        let mut form = Form::from_scenario(&Scenario::default());
        form.set_quota("2,000,000");
        form.set_quota("2,000,000x");
        assert_eq!(form.quota.text, "2,000,000x");
        assert_eq!(form.quota.value, Money::from_units(2_000_000).unwrap());
        assert!(matches!(form.quota.error, Some(NumberError::NotANumber(_))));
        form.set_stage_rate(2, "0");
        form.set_stage_name(3, "<b>");
        form.set_deal_size("0");
        assert_eq!(form.invalid_count(), 4);
        assert_eq!(form.scenario().funnel.rate_into(2).unwrap().ppm(), 200_000);
        form.set_quota("3M");
        assert_eq!(form.quota.error, None);
        assert_eq!(form.invalid_count(), 3);
        // The top stage has no rate to edit.
        form.set_stage_rate(0, "50");
        assert_eq!(rates(&form)[0], None);
    }

    #[test]
    fn adds_above_won_and_keeps_two_to_twenty_stages() {
        let mut form = Form::from_scenario(&Scenario::default());
        assert_eq!(form.add_stage(), Some(5));
        assert_eq!(names(&form)[5..], ["New stage", "Won"]);
        while form.add_stage().is_some() {}
        assert_eq!(form.stages().len(), 20);
        assert!(!form.can_add_stage());
        while form.remove_stage(1) {}
        assert_eq!(form.stages().len(), 2);
        assert_eq!(names(&form), ["Visitors", "Won"]);
        assert!(!form.remove_stage(0));
    }

    #[test]
    fn removing_the_top_drops_the_new_tops_rate() {
        let mut form = Form::from_scenario(&Scenario::default());
        assert!(form.remove_stage(0));
        assert_eq!(names(&form)[0], "Leads");
        assert_eq!(rates(&form)[0], None);
        assert_eq!(form.scenario().funnel.stage_count(), 5);
        assert!(!form.remove_stage(9));
    }

    #[test]
    fn moving_carries_rates_except_between_the_top_two() {
        let mut form = Form::from_scenario(&Scenario::default());
        assert!(form.move_stage_up(3)); // SQLs above MQLs, each with its rate.
        assert_eq!(names(&form)[2..4], ["SQLs", "MQLs"]);
        assert_eq!(rates(&form)[2..4], [Some("40".into()), Some("20".into())]);
        assert!(form.move_stage_down(0)); // Names swap, the 2 % stays between the top two.
        assert_eq!(names(&form)[0..2], ["Leads", "Visitors"]);
        assert_eq!(rates(&form)[0..2], [None, Some("2".into())]);
        assert!(!form.move_stage_up(0));
        assert!(!form.move_stage_down(5));
    }
}
