//! The planner's input form: the text in every field and the last valid value behind it.
//!
//! A field that holds bad text keeps that text (the user's typing is never thrown away) and
//! its error, while the plan goes on using the field's last valid value. All edits go through
//! [`Form`]'s methods, which keep the stage list a valid funnel of 2 to 20 stages and keep the
//! chosen lead and handoff stages pointing at the same stage as stages move.

use super::amount::{Money, Volume};
use super::assumptions::{
    self, Channel, ChannelError, Costs, Handoff, MAX_CHANNELS, Season, SeasonError, StageDaysError,
    Team, Timing,
};
use super::number::NumberError;
use super::period::{MonthError, Period, YearMonth};
use super::rate::{Attainment, Rate, Share};
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

    /// Whether the text is not valid.
    pub fn is_invalid(&self) -> bool {
        self.error.is_some()
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

/// One channel's row: name, share of leads, cost per lead.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelEntry {
    /// The channel's name field.
    pub name: Entry<StageName, NameError>,
    /// The share-of-leads field.
    pub share: Entry<Share>,
    /// The cost-per-lead field.
    pub cost_per_lead: Entry<Money>,
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
    /// The planning period (a menu).
    pub period: Period,
    /// Revenue from existing customers.
    pub existing: Entry<Money>,
    /// Share of new deals marketing sources.
    pub marketing_share: Entry<Share>,
    /// Ramped sales reps.
    pub reps: Entry<Volume>,
    /// Quota per rep for the period.
    pub rep_quota: Entry<Money>,
    /// Expected attainment.
    pub attainment: Entry<Attainment>,
    /// Blended cost per lead.
    pub cost_per_lead: Entry<Money>,
    /// Available marketing budget; empty for none.
    pub cap: Entry<Option<Money>>,
    /// First month of the period.
    pub start: Entry<YearMonth, MonthError>,
    /// Sales cycle in days.
    pub cycle_days: Entry<u32>,
    /// Seasonality weights; empty for even.
    pub season: Entry<Option<Season>, SeasonError>,
    /// Days per step from the lead stage to Won; empty to split the cycle evenly.
    pub stage_days: Entry<Option<Vec<u32>>, StageDaysError>,
    /// Hours to follow up a handed-off unit.
    pub followup_hours: Entry<u32>,
    /// Reps who work handed-off units; empty for the team's reps.
    pub fte_reps: Entry<Option<Volume>>,
    stages: Vec<StageEntry>,
    channels: Vec<ChannelEntry>,
    lead_stage: Option<usize>,
    handoff_stage: Option<usize>,
}

/// Reads optional text: empty means `None`.
fn optional<T, E>(
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> impl FnOnce(&str) -> Result<Option<T>, E> {
    move |text| {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            parse(text).map(Some)
        }
    }
}

/// Shows an optional value: empty for `None`.
fn show_optional<T>(value: Option<&T>, show: impl FnOnce(&T) -> String) -> String {
    value.map(show).unwrap_or_default()
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
        let team = &scenario.team;
        let costs = &scenario.costs;
        let timing = &scenario.timing;
        let handoff = &scenario.handoff;
        Self {
            quota: money_entry(scenario.quota),
            deal_size: money_entry(scenario.deal_size),
            traffic: volume_entry(scenario.traffic),
            rounding: scenario.rounding,
            period: scenario.period,
            existing: money_entry(scenario.existing),
            marketing_share: Entry::valid(
                scenario.marketing_share.percent_plain(),
                scenario.marketing_share,
            ),
            reps: volume_entry(team.reps),
            rep_quota: money_entry(team.rep_quota),
            attainment: Entry::valid(team.attainment.percent_plain(), team.attainment),
            cost_per_lead: money_entry(costs.cost_per_lead),
            cap: Entry::valid(
                show_optional(costs.cap.as_ref(), |cap| cap.to_display()),
                costs.cap,
            ),
            start: Entry::valid(timing.start.to_string(), timing.start),
            cycle_days: Entry::valid(timing.cycle_days.to_string(), timing.cycle_days),
            season: Entry::valid(
                show_optional(timing.season.as_ref(), Season::to_plain),
                timing.season.clone(),
            ),
            stage_days: Entry::valid(
                show_optional(timing.stage_days.as_ref(), |days| join_days(days)),
                timing.stage_days.clone(),
            ),
            followup_hours: Entry::valid(
                handoff.followup_hours.to_string(),
                handoff.followup_hours,
            ),
            fte_reps: Entry::valid(
                show_optional(handoff.fte_reps.as_ref(), |reps| reps.to_display()),
                handoff.fte_reps,
            ),
            stages,
            channels: costs.channels.iter().map(channel_entry).collect(),
            lead_stage: costs.lead_stage,
            handoff_stage: handoff.stage,
        }
    }

    /// Returns the scenario the plan uses: every field's last valid value. Channels whose
    /// shares do not total 100 % are left out (the blended cost per lead is used instead).
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
        let channels = self.channel_values();
        Scenario {
            quota: self.quota.value,
            deal_size: self.deal_size.value,
            traffic: self.traffic.value,
            // The edit methods keep 2..=20 stages, so this cannot fail; the default is a guard.
            funnel: Funnel::new(top, steps).unwrap_or_else(|_| Scenario::default_funnel()),
            rounding: self.rounding,
            period: self.period,
            existing: self.existing.value,
            marketing_share: self.marketing_share.value,
            team: Team {
                reps: self.reps.value,
                rep_quota: self.rep_quota.value,
                attainment: self.attainment.value,
            },
            costs: Costs {
                lead_stage: self.lead_stage,
                cost_per_lead: self.cost_per_lead.value,
                channels: if assumptions::check_channels(&channels).is_ok() {
                    channels
                } else {
                    Vec::new()
                },
                cap: self.cap.value,
            },
            timing: Timing {
                start: self.start.value,
                cycle_days: self.cycle_days.value,
                season: self.season.value.clone(),
                stage_days: self.stage_days.value.clone(),
            },
            handoff: Handoff {
                stage: self.handoff_stage,
                followup_hours: self.followup_hours.value,
                fte_reps: self.fte_reps.value,
            },
        }
    }

    /// The channels' last valid values.
    fn channel_values(&self) -> Vec<Channel> {
        self.channels
            .iter()
            .map(|entry| Channel {
                name: entry.name.value.clone(),
                share: entry.share.value,
                cost_per_lead: entry.cost_per_lead.value,
            })
            .collect()
    }

    /// Why the channels cannot be used together (shares not totalling 100 %), if so.
    #[must_use]
    pub fn channels_error(&self) -> Option<ChannelError> {
        assumptions::check_channels(&self.channel_values()).err()
    }

    /// Returns the stage rows, top first.
    #[must_use]
    pub fn stages(&self) -> &[StageEntry] {
        &self.stages
    }

    /// Returns the channel rows.
    #[must_use]
    pub fn channels(&self) -> &[ChannelEntry] {
        &self.channels
    }

    /// Returns the chosen lead stage (`None`: the default).
    #[must_use]
    pub fn lead_stage(&self) -> Option<usize> {
        self.lead_stage
    }

    /// Returns the chosen handoff stage (`None`: the default).
    #[must_use]
    pub fn handoff_stage(&self) -> Option<usize> {
        self.handoff_stage
    }

    /// Returns how many fields hold text that is not valid, counting channel shares that do
    /// not total 100 % as one.
    #[must_use]
    pub fn invalid_count(&self) -> usize {
        let stage_errors = self.stages.iter().map(|stage| {
            usize::from(stage.name.is_invalid())
                + usize::from(stage.rate.as_ref().is_some_and(Entry::is_invalid))
        });
        let channel_errors = self.channels.iter().map(|c| {
            usize::from(c.name.is_invalid())
                + usize::from(c.share.is_invalid())
                + usize::from(c.cost_per_lead.is_invalid())
        });
        [
            self.quota.is_invalid(),
            self.deal_size.is_invalid(),
            self.traffic.is_invalid(),
            self.existing.is_invalid(),
            self.marketing_share.is_invalid(),
            self.reps.is_invalid(),
            self.rep_quota.is_invalid(),
            self.attainment.is_invalid(),
            self.cost_per_lead.is_invalid(),
            self.cap.is_invalid(),
            self.start.is_invalid(),
            self.cycle_days.is_invalid(),
            self.season.is_invalid(),
            self.stage_days.is_invalid(),
            self.followup_hours.is_invalid(),
            self.fte_reps.is_invalid(),
            self.channels_error().is_some(),
        ]
        .into_iter()
        .map(usize::from)
        .sum::<usize>()
            + stage_errors.sum::<usize>()
            + channel_errors.sum::<usize>()
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

    /// Edits the existing-revenue field.
    pub fn set_existing(&mut self, text: &str) {
        self.existing.edit(text, Money::parse);
    }

    /// Edits the marketing-sourced share field.
    pub fn set_marketing_share(&mut self, text: &str) {
        self.marketing_share.edit(text, Share::parse_percent);
    }

    /// Edits the reps field.
    pub fn set_reps(&mut self, text: &str) {
        self.reps.edit(text, Volume::parse);
    }

    /// Edits the quota-per-rep field.
    pub fn set_rep_quota(&mut self, text: &str) {
        self.rep_quota.edit(text, Money::parse);
    }

    /// Edits the attainment field.
    pub fn set_attainment(&mut self, text: &str) {
        self.attainment.edit(text, Attainment::parse_percent);
    }

    /// Edits the blended cost-per-lead field.
    pub fn set_cost_per_lead(&mut self, text: &str) {
        self.cost_per_lead.edit(text, Money::parse);
    }

    /// Edits the budget-cap field (empty for no cap).
    pub fn set_cap(&mut self, text: &str) {
        self.cap.edit(text, optional(Money::parse));
    }

    /// Edits the first-month field.
    pub fn set_start(&mut self, text: &str) {
        self.start.edit(text, YearMonth::parse);
    }

    /// Edits the sales-cycle field.
    pub fn set_cycle_days(&mut self, text: &str) {
        self.cycle_days.edit(text, assumptions::parse_days);
    }

    /// Edits the seasonality field (empty for even).
    pub fn set_season(&mut self, text: &str) {
        self.season.edit(text, optional(Season::parse));
    }

    /// Edits the days-per-step field (empty to split the cycle evenly).
    pub fn set_stage_days(&mut self, text: &str) {
        self.stage_days
            .edit(text, optional(assumptions::parse_stage_days));
    }

    /// Edits the follow-up hours field.
    pub fn set_followup_hours(&mut self, text: &str) {
        self.followup_hours.edit(text, assumptions::parse_followup);
    }

    /// Edits the handoff-reps field (empty for the team's reps).
    pub fn set_fte_reps(&mut self, text: &str) {
        self.fte_reps.edit(text, optional(Volume::parse));
    }

    /// Chooses the lead stage (`None`: the default); ignores an index past the last stage.
    pub fn set_lead_stage(&mut self, stage: Option<usize>) {
        if stage.is_none_or(|s| s < self.stages.len()) {
            self.lead_stage = stage;
        }
    }

    /// Chooses the handoff stage (`None`: the default); ignores an index past the last stage.
    pub fn set_handoff_stage(&mut self, stage: Option<usize>) {
        if stage.is_none_or(|s| s < self.stages.len()) {
            self.handoff_stage = stage;
        }
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
        self.follow_stages(|stage| Some(if stage >= index { stage + 1 } else { stage }));
        Some(index)
    }

    /// Removes stage `index`; returns whether it did (a funnel keeps at least two stages).
    /// Removing the top stage makes the next one the top, and its rate is dropped. A lead or
    /// handoff stage that is removed goes back to its default.
    pub fn remove_stage(&mut self, index: usize) -> bool {
        if !self.can_remove_stage() || index >= self.stages.len() {
            return false;
        }
        self.stages.remove(index);
        self.stages[0].rate = None;
        self.follow_stages(|stage| match stage.cmp(&index) {
            std::cmp::Ordering::Less => Some(stage),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(stage - 1),
        });
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
        self.follow_stages(|stage| {
            Some(if stage == index {
                index - 1
            } else if stage == index - 1 {
                index
            } else {
                stage
            })
        });
        true
    }

    /// Swaps stage `index` with the one below it; returns whether it moved.
    pub fn move_stage_down(&mut self, index: usize) -> bool {
        self.move_stage_up(index + 1)
    }

    /// Re-points the chosen lead and handoff stages after the stages changed.
    fn follow_stages(&mut self, map: impl Fn(usize) -> Option<usize>) {
        self.lead_stage = self.lead_stage.and_then(&map);
        self.handoff_stage = self.handoff_stage.and_then(&map);
    }

    /// Whether another channel can be added.
    #[must_use]
    pub fn can_add_channel(&self) -> bool {
        self.channels.len() < MAX_CHANNELS
    }

    /// Adds a channel taking whatever share is left to reach 100 % (or 0 %), and returns its
    /// index; `None` when there are already [`MAX_CHANNELS`].
    pub fn add_channel(&mut self) -> Option<usize> {
        if !self.can_add_channel() {
            return None;
        }
        let used: u32 = self.channels.iter().map(|c| c.share.value.ppm()).sum();
        let share = Share::from_ppm(1_000_000u32.saturating_sub(used)).unwrap_or(Share::NONE);
        let name = StageName::new(&format!("Channel {}", self.channels.len() + 1))
            .unwrap_or_else(|_| unreachable!("valid name"));
        self.channels.push(channel_entry(&Channel {
            name,
            share,
            cost_per_lead: self.cost_per_lead.value,
        }));
        Some(self.channels.len() - 1)
    }

    /// Removes channel `index`; returns whether it did.
    pub fn remove_channel(&mut self, index: usize) -> bool {
        if index < self.channels.len() {
            self.channels.remove(index);
            true
        } else {
            false
        }
    }

    /// Edits channel `index`'s name.
    pub fn set_channel_name(&mut self, index: usize, text: &str) {
        if let Some(channel) = self.channels.get_mut(index) {
            channel.name.edit(text, StageName::new);
        }
    }

    /// Edits channel `index`'s share of leads.
    pub fn set_channel_share(&mut self, index: usize, text: &str) {
        if let Some(channel) = self.channels.get_mut(index) {
            channel.share.edit(text, Share::parse_percent);
        }
    }

    /// Edits channel `index`'s cost per lead.
    pub fn set_channel_cost(&mut self, index: usize, text: &str) {
        if let Some(channel) = self.channels.get_mut(index) {
            channel.cost_per_lead.edit(text, Money::parse);
        }
    }
}

/// Writes days per step as fields and links show them (`10,20,30`).
#[must_use]
pub fn join_days(days: &[u32]) -> String {
    days.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// A name field showing a valid name.
fn name_entry(name: &StageName) -> Entry<StageName, NameError> {
    Entry::valid(name.as_str().to_owned(), name.clone())
}

/// A rate field showing a valid rate as a percentage number.
fn rate_entry(rate: Rate) -> Entry<Rate> {
    Entry::valid(rate.percent_plain(), rate)
}

/// A money field showing a valid amount.
fn money_entry(money: Money) -> Entry<Money> {
    Entry::valid(money.to_display(), money)
}

/// A volume field showing a valid volume.
fn volume_entry(volume: Volume) -> Entry<Volume> {
    Entry::valid(volume.to_display(), volume)
}

/// A channel row showing a valid channel.
fn channel_entry(channel: &Channel) -> ChannelEntry {
    ChannelEntry {
        name: name_entry(&channel.name),
        share: Entry::valid(channel.share.percent_plain(), channel.share),
        cost_per_lead: money_entry(channel.cost_per_lead),
    }
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

    fn example() -> Scenario {
        Scenario::starting(YearMonth::new(2026, 11).unwrap())
    }

    #[test]
    fn shows_a_scenario_and_gives_it_back() {
        let scenario = example();
        let form = Form::from_scenario(&scenario);
        assert_eq!(form.quota.text, "1,000,000");
        assert_eq!(form.traffic.text, "200,000");
        assert_eq!(rates(&form)[1].as_deref(), Some("2"));
        assert_eq!(form.scenario(), scenario);
        assert_eq!(form.invalid_count(), 0);
    }

    #[test]
    fn bad_text_is_kept_and_the_last_valid_value_is_used() {
        let mut form = Form::from_scenario(&example());
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
        let mut form = Form::from_scenario(&example());
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
        let mut form = Form::from_scenario(&example());
        assert!(form.remove_stage(0));
        assert_eq!(names(&form)[0], "Leads");
        assert_eq!(rates(&form)[0], None);
        assert_eq!(form.scenario().funnel.stage_count(), 5);
        assert!(!form.remove_stage(9));
    }

    #[test]
    fn moving_carries_rates_except_between_the_top_two() {
        let mut form = Form::from_scenario(&example());
        assert!(form.move_stage_up(3)); // SQLs above MQLs, each with its rate.
        assert_eq!(names(&form)[2..4], ["SQLs", "MQLs"]);
        assert_eq!(rates(&form)[2..4], [Some("40".into()), Some("20".into())]);
        assert!(form.move_stage_down(0)); // Names swap, the 2 % stays between the top two.
        assert_eq!(names(&form)[0..2], ["Leads", "Visitors"]);
        assert_eq!(rates(&form)[0..2], [None, Some("2".into())]);
        assert!(!form.move_stage_up(0));
        assert!(!form.move_stage_down(5));
    }

    #[test]
    fn chosen_lead_and_handoff_stages_follow_their_stage() {
        let mut form = Form::from_scenario(&example());
        form.set_lead_stage(Some(2));
        form.set_handoff_stage(Some(3));
        form.move_stage_up(3); // SQLs above MQLs: handoff follows SQLs to 2, lead MQLs to 3.
        assert_eq!(
            (form.lead_stage(), form.handoff_stage()),
            (Some(3), Some(2))
        );
        form.add_stage(); // Inserted at 5, above Won: nothing below moves.
        assert_eq!(
            (form.lead_stage(), form.handoff_stage()),
            (Some(3), Some(2))
        );
        form.remove_stage(0); // Everything moves up one.
        assert_eq!(
            (form.lead_stage(), form.handoff_stage()),
            (Some(2), Some(1))
        );
        form.remove_stage(2); // The lead stage itself goes: back to the default.
        assert_eq!((form.lead_stage(), form.handoff_stage()), (None, Some(1)));
        form.set_lead_stage(Some(40));
        assert_eq!(form.lead_stage(), None, "past the last stage is ignored");
    }

    #[test]
    fn new_fields_keep_bad_text_and_optional_fields_accept_empty() {
        let mut form = Form::from_scenario(&example());
        form.set_cap("150k");
        assert_eq!(form.cap.value, Some(Money::from_units(150_000).unwrap()));
        form.set_cap("");
        assert_eq!(form.cap.value, None);
        form.set_start("2027-13");
        assert!(form.start.is_invalid());
        form.set_marketing_share("120");
        form.set_followup_hours("0");
        form.set_season("1,2");
        assert_eq!(form.invalid_count(), 4);
        let scenario = form.scenario();
        assert_eq!(scenario.marketing_share, Share::ALL);
        assert_eq!(scenario.handoff.followup_hours, 24);
    }

    #[test]
    fn channels_must_total_one_hundred_before_they_count() {
        let mut form = Form::from_scenario(&example());
        assert_eq!(form.add_channel(), Some(0));
        assert_eq!(form.channels()[0].share.text, "100");
        form.set_channel_share(0, "60");
        form.add_channel();
        assert_eq!(form.channels()[1].share.text, "40");
        assert_eq!(form.channels_error(), None);
        assert_eq!(form.scenario().costs.channels.len(), 2);
        form.set_channel_share(1, "30");
        assert_eq!(
            form.channels_error(),
            Some(ChannelError::SharesTotal(900_000))
        );
        assert!(
            form.scenario().costs.channels.is_empty(),
            "blended cost is used instead"
        );
        assert_eq!(form.invalid_count(), 1);
        assert!(form.remove_channel(1));
        form.set_channel_share(0, "100");
        assert_eq!(form.scenario().costs.channels.len(), 1);
    }
}
