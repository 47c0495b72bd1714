//! The planner's input form: the text in every field beside the values the plan uses.
//!
//! Every change is an [`Edit`], a plain value applied with [`Form::apply`], so undo and
//! merging edits from another tab can work on data.
//!
//! A field's text is never thrown away. While it is not valid, the plan uses the value the
//! field had **before this edit began** (when it got focus, or was last committed), never a
//! prefix typed on the way: typing `450%` over `45,000` passes through 4, 45 and 450, and the
//! plan goes back to 45,000 as soon as the text stops being valid. [`Edit::Commit`] (the field
//! losing focus) ends the edit.

#[cfg(test)]
use super::amount::Money;
use super::assumptions::{Channel, MAX_CHANNELS};
use super::field::{Field, FieldError, FieldKey, FieldKind};
use super::levers::Setting;
use super::number::{NumberLocale, normalize_typed, typed_in};
use super::rate::{Rate, Share};
use super::scenario::Scenario;
use super::stage::{Funnel, StageName};
use super::uncertainty::{Bounds, Range, Side};
use super::wording;

/// The text of one field and why it is not valid, if it is not.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FieldText {
    /// The text as typed.
    pub text: String,
    /// Why the text is not valid; `None` when the plan uses what the text says.
    pub error: Option<FieldError>,
    /// The value when the edit under way began, as links write it; `None` between edits.
    before: Option<String>,
}

impl FieldText {
    /// A field showing a valid value.
    fn valid(text: String) -> Self {
        Self {
            text,
            error: None,
            before: None,
        }
    }

    /// Whether the text is not valid.
    #[must_use]
    pub fn is_invalid(&self) -> bool {
        self.error.is_some()
    }
}

/// One stage's row: its name and, below the top, its conversion rate with its optional low
/// and high (for the Monte Carlo simulation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageText {
    /// The name field.
    pub name: FieldText,
    /// The rate field; `None` for the top stage, which has no stage above it.
    pub rate: Option<FieldText>,
    /// The rate's low field (empty: no low); `None` for the top stage.
    pub low: Option<FieldText>,
    /// The rate's high field (empty: no high); `None` for the top stage.
    pub high: Option<FieldText>,
}

/// One channel's row: name, share of leads, cost per lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelText {
    /// The name field.
    pub name: FieldText,
    /// The share-of-leads field.
    pub share: FieldText,
    /// The cost-per-lead field.
    pub cost: FieldText,
}

/// A change to the form, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// New text in a field (a keystroke, a paste, or a menu choice).
    Type(FieldKey, String),
    /// The field lost focus: the edit under way is over.
    Commit(FieldKey),
    /// Adds a stage just above the last (closed-won) stage.
    AddStage,
    /// Removes stage `i`.
    RemoveStage(usize),
    /// Swaps stage `i` with the one above it.
    MoveStageUp(usize),
    /// Swaps stage `i` with the one below it.
    MoveStageDown(usize),
    /// Adds a channel.
    AddChannel,
    /// Removes channel `c`.
    RemoveChannel(usize),
    /// Rewrites the channel shares so they total exactly 100 %, keeping their proportions.
    ScaleChannels,
    /// Writes a solved lever's value into the plan (see [`crate::model::levers::solve`]).
    Apply(Setting),
    /// Replaces the whole plan, as a preset does; every field shows the new plan's value.
    Replace(Box<Scenario>),
}

impl Edit {
    /// What an undo step of this edit merges on: typing into a text field joins the typing
    /// before it in the same field, until the field loses focus. A menu choice and every
    /// whole edit (a stage added, a solved value applied) are a step of their own.
    #[must_use]
    pub fn merges_on(&self) -> Option<FieldKey> {
        match self {
            Self::Type(FieldKey::Field(field), _) if field.spec().kind == FieldKind::Choice => None,
            Self::Type(key, _) => Some(*key),
            _ => None,
        }
    }
}

/// Rate given to a stage added with [`Edit::AddStage`].
const NEW_STAGE_RATE_PPM: u32 = 500_000;

/// Parts per million in 100 %.
const PPM_WHOLE: u64 = 1_000_000;

/// The whole input form.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    /// The values the plan uses.
    values: Scenario,
    /// One text per [`Field`], in [`Field::ALL`] order.
    fields: Vec<FieldText>,
    /// One row per stage, top first.
    stages: Vec<StageText>,
    /// One row per channel.
    channels: Vec<ChannelText>,
    /// How the person typing writes decimals.
    locale: NumberLocale,
}

impl Form {
    /// Returns the form showing a scenario.
    #[must_use]
    pub fn new(scenario: &Scenario) -> Self {
        let key_text = |key: FieldKey| FieldText::valid(key.show(scenario));
        let stages = (0..scenario.funnel.stage_count())
            .map(|i| StageText {
                name: key_text(FieldKey::StageName(i)),
                rate: (i > 0).then(|| key_text(FieldKey::StageRate(i))),
                low: (i > 0).then(|| key_text(FieldKey::StageLow(i))),
                high: (i > 0).then(|| key_text(FieldKey::StageHigh(i))),
            })
            .collect();
        let channels = (0..scenario.costs.channels.len())
            .map(|c| ChannelText {
                name: key_text(FieldKey::ChannelName(c)),
                share: key_text(FieldKey::ChannelShare(c)),
                cost: key_text(FieldKey::ChannelCost(c)),
            })
            .collect();
        Self {
            fields: Field::ALL
                .into_iter()
                .map(|field| key_text(FieldKey::Field(field)))
                .collect(),
            values: scenario.clone(),
            stages,
            channels,
            locale: NumberLocale::DecimalPoint,
        }
    }

    /// Returns the form reading typed numbers as `locale` writes them: with a decimal comma,
    /// `2,5` is 2.5 (see [`normalize_typed`]). Links and storage are never affected.
    #[must_use]
    pub fn with_locale(mut self, locale: NumberLocale) -> Self {
        self.locale = locale;
        // Valid numbers are shown as the locale types them: `2,5`, and no grouping commas,
        // which would read as decimals.
        let keys: Vec<FieldKey> = self.keys().collect();
        for key in keys {
            let shown = self.shown(key);
            if let Some(state) = self.state_mut(key)
                && state.error.is_none()
            {
                state.text = shown;
            }
        }
        self
    }

    /// Returns a value as its field shows it: single numbers as the locale types them.
    fn shown(&self, key: FieldKey) -> String {
        let text = key.show(&self.values);
        if key.is_single_number() {
            typed_in(&text, self.locale)
        } else {
            text
        }
    }

    /// Returns the form showing a scenario with saved drafts: text that was not valid when it
    /// was saved, keyed by `data-testid`. Each draft is shown with its message again, and the
    /// plan keeps the scenario's values. Drafts for fields that no longer exist, and drafts
    /// that are valid after all, are left out.
    #[must_use]
    pub fn with_drafts<'a>(
        scenario: &Scenario,
        drafts: impl IntoIterator<Item = (&'a str, &'a str)>,
        locale: NumberLocale,
    ) -> Self {
        let mut form = Self::new(scenario).with_locale(locale);
        for (testid, text) in drafts {
            let Some(key) = FieldKey::from_testid(testid) else {
                continue;
            };
            let mut scratch = form.values.clone();
            let parsed = parse_typed(form.locale, key, text, &mut scratch);
            if let (Err(error), Some(state)) = (parsed, form.state_mut(key)) {
                text.clone_into(&mut state.text);
                state.error = Some(error);
            }
        }
        form
    }

    /// Returns the scenario the plan uses.
    #[must_use]
    pub fn scenario(&self) -> &Scenario {
        &self.values
    }

    /// Returns a field's text, or `None` for a row that does not exist.
    #[must_use]
    pub fn text(&self, key: FieldKey) -> Option<&FieldText> {
        match key {
            FieldKey::Field(field) => self.fields.get(field.index()),
            FieldKey::StageName(i) => self.stages.get(i).map(|s| &s.name),
            FieldKey::StageRate(i) => self.stages.get(i).and_then(|s| s.rate.as_ref()),
            FieldKey::StageLow(i) => self.stages.get(i).and_then(|s| s.low.as_ref()),
            FieldKey::StageHigh(i) => self.stages.get(i).and_then(|s| s.high.as_ref()),
            FieldKey::ChannelName(c) => self.channels.get(c).map(|ch| &ch.name),
            FieldKey::ChannelShare(c) => self.channels.get(c).map(|ch| &ch.share),
            FieldKey::ChannelCost(c) => self.channels.get(c).map(|ch| &ch.cost),
        }
    }

    /// Returns a field's text for editing, or `None` for a row that does not exist.
    fn state_mut(&mut self, key: FieldKey) -> Option<&mut FieldText> {
        match key {
            FieldKey::Field(field) => self.fields.get_mut(field.index()),
            FieldKey::StageName(i) => self.stages.get_mut(i).map(|s| &mut s.name),
            FieldKey::StageRate(i) => self.stages.get_mut(i).and_then(|s| s.rate.as_mut()),
            FieldKey::StageLow(i) => self.stages.get_mut(i).and_then(|s| s.low.as_mut()),
            FieldKey::StageHigh(i) => self.stages.get_mut(i).and_then(|s| s.high.as_mut()),
            FieldKey::ChannelName(c) => self.channels.get_mut(c).map(|ch| &mut ch.name),
            FieldKey::ChannelShare(c) => self.channels.get_mut(c).map(|ch| &mut ch.share),
            FieldKey::ChannelCost(c) => self.channels.get_mut(c).map(|ch| &mut ch.cost),
        }
    }

    /// The message beside a field whose text is not valid: what is wrong, and the value the
    /// plan still uses. `None` when the text is valid.
    #[must_use]
    pub fn message(&self, key: FieldKey) -> Option<String> {
        let error = self.text(key)?.error.as_ref()?;
        if key.side().is_some() {
            // A low or high may turn unusable when its value moves: it is then left out.
            return Some(wording::uncertainty::bound_message(
                &error.to_string(),
                &self.describe(key),
            ));
        }
        Some(format!(
            "{error} Still using {}, the value before this edit.",
            self.describe(key)
        ))
    }

    /// Returns the value a field stands for, in words for messages, with numbers as the
    /// locale types them (as the field shows them).
    #[must_use]
    pub fn describe(&self, key: FieldKey) -> String {
        let value = key.describe(&self.values);
        if key.is_single_number() {
            typed_in(&value, self.locale)
        } else {
            value
        }
    }

    /// Returns every field whose text is not valid, in the order of the page.
    #[must_use]
    pub fn invalid_fields(&self) -> Vec<FieldKey> {
        self.keys()
            .filter(|&key| self.text(key).is_some_and(FieldText::is_invalid))
            .collect()
    }

    /// Returns how many fields hold text that is not valid.
    #[must_use]
    pub fn invalid_count(&self) -> usize {
        self.invalid_fields().len()
    }

    /// Returns the text of every field that is not valid, keyed by `data-testid`, for saving
    /// beside the plan.
    #[must_use]
    pub fn drafts(&self) -> Vec<(String, String)> {
        self.invalid_fields()
            .into_iter()
            .filter_map(|key| Some((key.testid(), self.text(key)?.text.clone())))
            .collect()
    }

    /// Every field key of the form, in the order of the page: the inputs, then each stage's
    /// name, rate, low and high (the top stage has no rate texts), then each channel's cells.
    pub fn keys(&self) -> impl Iterator<Item = FieldKey> + '_ {
        let stages = (0..self.stages.len()).flat_map(|i| {
            [
                FieldKey::StageName(i),
                FieldKey::StageRate(i),
                FieldKey::StageLow(i),
                FieldKey::StageHigh(i),
            ]
            .into_iter()
        });
        let channels = (0..self.channels.len()).flat_map(|c| {
            [
                FieldKey::ChannelName(c),
                FieldKey::ChannelShare(c),
                FieldKey::ChannelCost(c),
            ]
            .into_iter()
        });
        Field::ALL
            .into_iter()
            .map(FieldKey::Field)
            .chain(stages)
            .chain(channels)
    }

    /// Returns the stage rows, top first.
    #[must_use]
    pub fn stages(&self) -> &[StageText] {
        &self.stages
    }

    /// Returns the channel rows.
    #[must_use]
    pub fn channels(&self) -> &[ChannelText] {
        &self.channels
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

    /// Whether the channel shares can be scaled to 100 %: there are channels and no share
    /// holds text that is not valid.
    #[must_use]
    pub fn can_scale_channels(&self) -> bool {
        !self.channels.is_empty() && !self.channels.iter().any(|c| c.share.is_invalid())
    }

    /// Whether another channel can be added.
    #[must_use]
    pub fn can_add_channel(&self) -> bool {
        self.channels.len() < MAX_CHANNELS
    }

    /// Applies an edit and returns whether it changed anything.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Type(key, text) => self.type_text(key, &text),
            Edit::Commit(key) => self
                .state_mut(key)
                .is_some_and(|state| state.before.take().is_some()),
            Edit::AddStage => self.add_stage(),
            Edit::RemoveStage(i) => self.remove_stage(i),
            Edit::MoveStageUp(i) => self.move_stage_up(i),
            Edit::MoveStageDown(i) => self.move_stage_up(i + 1),
            Edit::AddChannel => self.add_channel(),
            Edit::RemoveChannel(c) => self.remove_channel(c),
            Edit::ScaleChannels => self.scale_channels(),
            Edit::Apply(setting) => self.apply_setting(setting),
            Edit::Replace(scenario) => {
                let next = Self::new(&scenario).with_locale(self.locale);
                let changed = next != *self;
                *self = next;
                changed
            }
        }
    }

    /// Replaces a field's text, and the value when the text is valid; while it is not, the
    /// value goes back to what it was when the edit began.
    fn type_text(&mut self, key: FieldKey, text: &str) -> bool {
        let plain = key_plain(key, &self.values);
        let Some(state) = self.state_mut(key) else {
            return false;
        };
        let before = state.before.get_or_insert(plain).clone();
        text.clone_into(&mut state.text);
        let parsed = parse_typed(self.locale, key, text, &mut self.values);
        let choice = matches!(key, FieldKey::Field(f) if f.spec().kind == FieldKind::Choice);
        let Some(state) = self.state_mut(key) else {
            return false;
        };
        match parsed {
            Ok(()) => state.error = None,
            Err(error) => {
                state.error = Some(error);
                // The value written when the edit began always reads back.
                let _ = key.parse(&before, &mut self.values);
            }
        }
        self.recheck_bounds(key);
        if choice {
            // A menu choice is complete at once, and its text is always the value's.
            let shown = self.shown(key);
            if let Some(state) = self.state_mut(key) {
                state.before = None;
                state.error = None;
                state.text = shown;
            }
        }
        true
    }

    /// After the value `key` changed (a rate or the deal size), reads its low and high again:
    /// a bound the value moved past is left out and its text marked, a marked bound that
    /// fits again is used again.
    fn recheck_bounds(&mut self, key: FieldKey) {
        let bounds = match key {
            FieldKey::StageRate(i) => [FieldKey::StageLow(i), FieldKey::StageHigh(i)],
            FieldKey::Field(Field::Deal) => [
                FieldKey::Field(Field::DealLow),
                FieldKey::Field(Field::DealHigh),
            ],
            _ => return,
        };
        for bound in bounds {
            let Some(text) = self.text(bound).map(|t| t.text.clone()) else {
                continue;
            };
            let parsed = parse_typed(self.locale, bound, &text, &mut self.values);
            if let Err(error) = parsed {
                self.drop_misfit(bound);
                if let Some(state) = self.state_mut(bound) {
                    state.error = Some(error);
                }
            } else if let Some(state) = self.state_mut(bound) {
                state.error = None;
            }
        }
    }

    /// Leaves out a low or high that is on the wrong side of its value.
    fn drop_misfit(&mut self, key: FieldKey) {
        let Some(side) = key.side() else {
            return;
        };
        let values = &mut self.values;
        match key {
            FieldKey::StageLow(i) | FieldKey::StageHigh(i) => {
                let Some(rate) = values.funnel.rate_into(i) else {
                    return;
                };
                let mut bounds = values.funnel.bounds_into(i);
                if Range::rate_around(rate, bounds.only(side)).is_err() {
                    match side {
                        Side::Low => bounds.low = None,
                        Side::High => bounds.high = None,
                    }
                    values.funnel = values.funnel.with_bounds(i, bounds);
                }
            }
            _ => {
                let bounds = &mut values.uncertainty.deal;
                if Range::deal_around(values.deal_size, bounds.only(side)).is_err() {
                    match side {
                        Side::Low => bounds.low = None,
                        Side::High => bounds.high = None,
                    }
                }
            }
        }
    }

    /// Rebuilds the funnel after a list edit of names and rates.
    fn set_funnel(&mut self, names: Vec<StageName>, rates: Vec<(Rate, Bounds<Rate>)>) {
        if let Ok(funnel) = Funnel::from_parts(names, rates) {
            self.values.funnel = funnel;
        }
    }

    /// Adds a stage just above the last (closed-won) stage, at a 50 % rate.
    fn add_stage(&mut self) -> bool {
        if !self.can_add_stage() {
            return false;
        }
        let index = self.stages.len() - 1;
        let (mut names, mut rates) = self.values.funnel.clone().into_parts();
        let name = StageName::new("New stage").unwrap_or_else(|_| unreachable!("valid name"));
        let rate = Rate::from_ppm(NEW_STAGE_RATE_PPM).unwrap_or(Rate::WHOLE);
        names.insert(index, name.clone());
        rates.insert(index - 1, (rate, Bounds::NONE));
        self.set_funnel(names, rates);
        self.stages.insert(
            index,
            StageText {
                name: FieldText::valid(name.to_string()),
                rate: Some(FieldText::valid(rate.percent_plain())),
                low: Some(FieldText::default()),
                high: Some(FieldText::default()),
            },
        );
        self.follow_stages(|stage| Some(if stage >= index { stage + 1 } else { stage }));
        true
    }

    /// Removes stage `index` (a funnel keeps at least two). Removing the top stage makes the
    /// next one the top, and its rate is dropped. A lead or handoff stage that is removed
    /// goes back to its default.
    fn remove_stage(&mut self, index: usize) -> bool {
        if !self.can_remove_stage() || index >= self.stages.len() {
            return false;
        }
        let (mut names, mut rates) = self.values.funnel.clone().into_parts();
        names.remove(index);
        rates.remove(index.saturating_sub(1));
        self.set_funnel(names, rates);
        self.stages.remove(index);
        let top = &mut self.stages[0];
        (top.rate, top.low, top.high) = (None, None, None);
        self.follow_stages(|stage| match stage.cmp(&index) {
            std::cmp::Ordering::Less => Some(stage),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(stage - 1),
        });
        true
    }

    /// Swaps stage `index` with the one above it. A stage carries its rate with it, except at
    /// the top: swapping the top two swaps their names only, so the conversion between the
    /// top two positions is kept.
    fn move_stage_up(&mut self, index: usize) -> bool {
        if index == 0 || index >= self.stages.len() {
            return false;
        }
        let (mut names, mut rates) = self.values.funnel.clone().into_parts();
        names.swap(index - 1, index);
        if index == 1 {
            let (top, below) = self.stages.split_at_mut(1);
            std::mem::swap(&mut top[0].name, &mut below[0].name);
        } else {
            rates.swap(index - 2, index - 1);
            self.stages.swap(index - 1, index);
        }
        self.set_funnel(names, rates);
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

    /// Re-points the chosen lead and handoff stages after the stages changed.
    fn follow_stages(&mut self, map: impl Fn(usize) -> Option<usize>) {
        self.values.costs.lead_stage = self.values.costs.lead_stage.and_then(&map);
        self.values.handoff.stage = self.values.handoff.stage.and_then(&map);
        for field in [Field::LeadStage, Field::Handoff] {
            let key = FieldKey::Field(field);
            let shown = self.shown(key);
            if let Some(state) = self.state_mut(key) {
                state.text = shown;
            }
        }
    }

    /// Adds a channel taking whatever share is left to reach 100 % (or 0 %), at the blended
    /// cost per lead.
    fn add_channel(&mut self) -> bool {
        if !self.can_add_channel() {
            return false;
        }
        let channels = &mut self.values.costs.channels;
        let used: u64 = channels.iter().map(|c| u64::from(c.share.ppm())).sum();
        let left = u32::try_from(PPM_WHOLE.saturating_sub(used)).unwrap_or(0);
        let name = StageName::new(&format!("Channel {}", channels.len() + 1))
            .unwrap_or_else(|_| unreachable!("valid name"));
        channels.push(Channel {
            name,
            share: Share::from_ppm(left).unwrap_or(Share::NONE),
            cost_per_lead: self.values.costs.cost_per_lead,
        });
        let c = channels.len() - 1;
        let text = |key: FieldKey| FieldText::valid(self.shown(key));
        let row = ChannelText {
            name: text(FieldKey::ChannelName(c)),
            share: text(FieldKey::ChannelShare(c)),
            cost: text(FieldKey::ChannelCost(c)),
        };
        self.channels.push(row);
        true
    }

    /// Removes channel `index`.
    fn remove_channel(&mut self, index: usize) -> bool {
        if index >= self.channels.len() {
            return false;
        }
        self.channels.remove(index);
        self.values.costs.channels.remove(index);
        true
    }

    /// Writes a setting into the values and shows it in its field, replacing any text under
    /// way there. Returns whether the value changed.
    fn apply_setting(&mut self, setting: Setting) -> bool {
        let values = &mut self.values;
        let (key, changed) = match setting {
            Setting::Rate(i, rate) => {
                if i == 0 || values.funnel.rate_into(i).is_none() {
                    return false;
                }
                let changed = values.funnel.rate_into(i) != Some(rate);
                values.funnel = values.funnel.with_rate(i, rate);
                (FieldKey::StageRate(i), changed)
            }
            Setting::DealSize(deal) => {
                let changed = values.deal_size != deal;
                values.deal_size = deal;
                (FieldKey::Field(Field::Deal), changed)
            }
            Setting::Share(share) => {
                let changed = values.marketing_share != share;
                values.marketing_share = share;
                (FieldKey::Field(Field::Share), changed)
            }
        };
        let shown = self.shown(key);
        let replaced = self.state_mut(key).is_some_and(|state| {
            let replaced = state.text != shown || state.error.is_some();
            *state = FieldText::valid(shown);
            replaced
        });
        self.recheck_bounds(key);
        changed || replaced
    }

    /// Rewrites the shares to total exactly 100 % in the same proportions (equal shares when
    /// they total 0 %), by largest remainder in parts per million.
    fn scale_channels(&mut self) -> bool {
        // A share being typed that is not valid would be lost: fix it first.
        if !self.can_scale_channels() {
            return false;
        }
        let channels = &mut self.values.costs.channels;
        let weights: Vec<u64> = channels.iter().map(|c| u64::from(c.share.ppm())).collect();
        let scaled = scale_to_whole(&weights);
        for (channel, ppm) in channels.iter_mut().zip(scaled) {
            channel.share = Share::from_ppm(ppm).unwrap_or(Share::NONE);
        }
        for c in 0..self.channels.len() {
            let key = FieldKey::ChannelShare(c);
            let shown = self.shown(key);
            if let Some(state) = self.state_mut(key) {
                *state = FieldText::valid(shown);
            }
        }
        true
    }
}

/// Splits 100 % (in parts per million) in proportion to `weights` by largest remainder, so the
/// parts total exactly 1,000,000; equal parts when every weight is 0.
#[must_use]
pub fn scale_to_whole(weights: &[u64]) -> Vec<u32> {
    let count = u64::try_from(weights.len()).unwrap_or(u64::MAX).max(1);
    let total: u64 = weights.iter().sum();
    let (weights, total) = if total == 0 {
        (vec![1; weights.len()], count)
    } else {
        (weights.to_vec(), total)
    };
    let exact: Vec<(u64, u64)> = weights
        .iter()
        .map(|&w| {
            let product = u128::from(w) * u128::from(PPM_WHOLE);
            let total = u128::from(total);
            (
                u64::try_from(product / total).unwrap_or(0),
                u64::try_from(product % total).unwrap_or(0),
            )
        })
        .collect();
    let mut parts: Vec<u64> = exact.iter().map(|&(whole, _)| whole).collect();
    let left = PPM_WHOLE.saturating_sub(parts.iter().sum());
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| exact[b].1.cmp(&exact[a].1).then(a.cmp(&b)));
    for &i in order.iter().take(usize::try_from(left).unwrap_or(0)) {
        parts[i] += 1;
    }
    parts
        .into_iter()
        .map(|p| u32::try_from(p).unwrap_or(0))
        .collect()
}

/// Reads typed text into `scenario`, single numbers as `locale` writes them.
fn parse_typed(
    locale: NumberLocale,
    key: FieldKey,
    text: &str,
    scenario: &mut Scenario,
) -> Result<(), FieldError> {
    if key.is_single_number() {
        let text = normalize_typed(text, locale)?;
        key.parse(&text, scenario)
    } else {
        key.parse(text, scenario)
    }
}

/// A field's value as links write it, to go back to when an edit turns invalid; empty for an
/// unset optional input.
fn key_plain(key: FieldKey, scenario: &Scenario) -> String {
    match key {
        FieldKey::Field(field) => (field.spec().plain)(scenario).unwrap_or_default(),
        FieldKey::ChannelCost(c) => scenario
            .costs
            .channels
            .get(c)
            .map(|ch| ch.cost_per_lead.to_plain())
            .unwrap_or_default(),
        other => other.show(scenario),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assumptions::ChannelError;
    use crate::model::period::YearMonth;

    fn units(units: u64) -> Money {
        Money::from_units(units).unwrap()
    }

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

    fn typed(form: &mut Form, key: FieldKey, text: &str) {
        form.apply(Edit::Type(key, text.to_owned()));
    }

    const QUOTA: FieldKey = FieldKey::Field(Field::Quota);
    const DEAL: FieldKey = FieldKey::Field(Field::Deal);

    #[test]
    fn shows_a_scenario_and_gives_it_back() {
        let scenario = example();
        let form = Form::new(&scenario);
        assert_eq!(form.text(QUOTA).unwrap().text, "1,000,000");
        assert_eq!(
            form.text(FieldKey::Field(Field::Traffic)).unwrap().text,
            "200,000"
        );
        assert_eq!(rates(&form)[1].as_deref(), Some("2"));
        assert_eq!(form.scenario(), &scenario);
        assert_eq!(form.invalid_count(), 0);
    }

    #[test]
    fn a_typo_never_becomes_the_plan() {
        // Deal size 45,000, then `450%` typed key by key over it.
        let mut form = Form::new(&example());
        typed(&mut form, DEAL, "45,000");
        form.apply(Edit::Commit(DEAL));
        let mut seen = Vec::new();
        for end in 1..="450%".len() {
            typed(&mut form, DEAL, &"450%"[..end]);
            seen.push(form.scenario().deal_size.to_display());
        }
        assert_eq!(seen, ["4", "45", "450", "45,000"]);
        assert_eq!(form.text(DEAL).unwrap().text, "450%");
        assert_eq!(
            form.message(DEAL).unwrap(),
            "This is an amount, not a percentage. Still using 45,000, the value before this edit."
        );
        // Committing keeps the text and the value before the edit.
        form.apply(Edit::Commit(DEAL));
        assert_eq!(form.scenario().deal_size, units(45_000));
        // A later edit starts from that value.
        typed(&mut form, DEAL, "x");
        assert_eq!(form.scenario().deal_size, units(45_000));
        typed(&mut form, DEAL, "50k");
        assert_eq!(form.scenario().deal_size, units(50_000));
        assert_eq!(form.invalid_count(), 0);
    }

    /// The low and high of the rate into stage `i`, in ppm.
    fn bounds(form: &Form, i: usize) -> (Option<u32>, Option<u32>) {
        let b = form.scenario().funnel.bounds_into(i);
        (b.low.map(Rate::ppm), b.high.map(Rate::ppm))
    }

    #[test]
    fn a_rate_carries_an_optional_low_and_high_that_follow_it() {
        let mut form = Form::new(&example());
        let (low, high, rate) = (
            FieldKey::StageLow(5),
            FieldKey::StageHigh(5),
            FieldKey::StageRate(5),
        );
        assert_eq!(form.text(low).unwrap().text, "");
        assert!(form.stages()[0].low.is_none() && form.stages()[0].high.is_none());
        typed(&mut form, low, "15");
        typed(&mut form, high, "30 %");
        assert_eq!(bounds(&form, 5), (Some(150_000), Some(300_000)));
        assert!(form.scenario().has_ranges());
        // A low above the rate is refused beside the field; the value before the edit stays.
        form.apply(Edit::Commit(low));
        typed(&mut form, low, "25");
        assert_eq!(
            form.message(low).unwrap(),
            "The low must be at most the rate, 20 %. How sure are we uses 15 % until it is \
             fixed."
        );
        assert_eq!(bounds(&form, 5), (Some(150_000), Some(300_000)));
        typed(&mut form, low, "15");
        form.apply(Edit::Commit(low));
        // The rate moves below its low: the low is left out and marked, the rate is kept.
        typed(&mut form, rate, "10");
        assert_eq!(form.scenario().funnel.rate_into(5).unwrap().ppm(), 100_000);
        assert_eq!(bounds(&form, 5), (None, Some(300_000)));
        assert_eq!(
            form.message(low).unwrap(),
            "The low must be at most the rate, 10 %. How sure are we uses no low until it is \
             fixed."
        );
        assert_eq!(form.text(rate).unwrap().error, None);
        // Back within the range: the low is used again.
        typed(&mut form, rate, "18");
        assert_eq!(bounds(&form, 5), (Some(150_000), Some(300_000)));
        assert_eq!(form.invalid_count(), 0);
        // A lever applied past the high does the same.
        form.apply(Edit::Apply(crate::model::levers::Setting::Rate(
            5,
            Rate::from_ppm(400_000).unwrap(),
        )));
        assert_eq!(bounds(&form, 5), (Some(150_000), None));
        assert_eq!(form.invalid_fields(), [high]);
        // Emptying a bound removes it.
        typed(&mut form, high, "");
        typed(&mut form, low, " ");
        assert_eq!(bounds(&form, 5), (None, None));
        assert_eq!(form.invalid_count(), 0);
    }

    #[test]
    fn the_deal_size_range_follows_the_deal_size() {
        let mut form = Form::new(&example());
        let (low, high) = (
            FieldKey::Field(Field::DealLow),
            FieldKey::Field(Field::DealHigh),
        );
        typed(&mut form, low, "20k");
        typed(&mut form, high, "30,000");
        let deal = |f: &Form| f.scenario().uncertainty.deal;
        assert_eq!(deal(&form).low, Some(units(20_000)));
        typed(&mut form, DEAL, "35000");
        assert_eq!(deal(&form).high, None);
        assert_eq!(deal(&form).low, Some(units(20_000)));
        assert_eq!(
            form.message(high).unwrap(),
            "The high must be at least the deal size, 35,000. How sure are we uses no high until \
             it is fixed."
        );
        typed(&mut form, DEAL, "25000");
        assert_eq!(deal(&form).high, Some(units(30_000)));
        assert_eq!(form.invalid_count(), 0);
        let draws = FieldKey::Field(Field::Draws);
        typed(&mut form, draws, "50k");
        assert_eq!(form.scenario().uncertainty.draw_count().get(), 50_000);
        form.apply(Edit::Commit(draws));
        typed(&mut form, draws, "2000000");
        assert_eq!(
            form.message(draws).unwrap(),
            "Too large: at most 100,000. Still using 50,000, the value before this edit."
        );
    }

    #[test]
    fn ranges_move_with_their_rates() {
        let mut form = Form::new(&example());
        typed(&mut form, FieldKey::StageLow(3), "35");
        typed(&mut form, FieldKey::StageHigh(1), "3");
        assert!(form.apply(Edit::MoveStageUp(3))); // SQLs above MQLs, with 35–40 %.
        assert_eq!(bounds(&form, 2), (Some(350_000), None));
        assert_eq!(form.text(FieldKey::StageLow(2)).unwrap().text, "35");
        assert_eq!(bounds(&form, 3), (None, None));
        assert!(form.apply(Edit::MoveStageDown(0))); // The top two: the range stays put.
        assert_eq!(bounds(&form, 1), (None, Some(30_000)));
        assert!(form.apply(Edit::RemoveStage(0))); // The new top has no rate, nor range.
        assert!(form.stages()[0].low.is_none());
        assert_eq!(bounds(&form, 1), (Some(350_000), None));
        assert!(form.apply(Edit::AddStage));
        let added = form.stages().len() - 2;
        assert_eq!(form.text(FieldKey::StageLow(added)).unwrap().text, "");
    }

    #[test]
    fn rates_go_back_to_the_value_before_the_edit() {
        let mut form = Form::new(&example());
        let rate = FieldKey::StageRate(1);
        for text in ["1", "15", "150", "150%"] {
            typed(&mut form, rate, text);
        }
        assert_eq!(form.scenario().funnel.rate_into(1).unwrap().ppm(), 20_000);
        typed(&mut form, rate, "2,5");
        assert_eq!(form.scenario().funnel.rate_into(1).unwrap().ppm(), 20_000);
        assert!(form.message(rate).unwrap().contains("Still using 2 %"));
    }

    #[test]
    fn drafts_survive_a_reload_with_their_message() {
        let mut form = Form::new(&example());
        typed(&mut form, QUOTA, "2,000,000x");
        typed(&mut form, FieldKey::StageName(3), "<b>");
        typed(&mut form, FieldKey::Field(Field::Cap), "lots");
        let drafts = form.drafts();
        assert_eq!(
            drafts,
            [
                ("quota".to_owned(), "2,000,000x".to_owned()),
                ("cap".to_owned(), "lots".to_owned()),
                ("stage-name-3".to_owned(), "<b>".to_owned()),
            ]
        );
        let reloaded = Form::with_drafts(
            form.scenario(),
            drafts.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            NumberLocale::DecimalPoint,
        );
        assert_eq!(reloaded.scenario(), form.scenario());
        for key in form.invalid_fields() {
            assert_eq!(
                reloaded.text(key),
                form.text(key)
                    .map(|t| FieldText {
                        before: None,
                        ..t.clone()
                    })
                    .as_ref()
            );
            assert_eq!(reloaded.message(key), form.message(key));
        }
        // Unknown fields and valid drafts are left out.
        let odd = Form::with_drafts(
            &example(),
            [("colour", "red"), ("quota", "5")],
            NumberLocale::DecimalPoint,
        );
        assert_eq!(odd, Form::new(&example()));
    }

    #[test]
    fn bad_text_is_kept_and_counted() {
        let mut form = Form::new(&example());
        typed(&mut form, FieldKey::StageRate(2), "0");
        typed(&mut form, FieldKey::StageName(3), "<b>");
        typed(&mut form, DEAL, "0");
        typed(&mut form, QUOTA, "2,000,000x");
        assert_eq!(form.invalid_count(), 4);
        assert_eq!(form.scenario().funnel.rate_into(2).unwrap().ppm(), 200_000);
        typed(&mut form, QUOTA, "3M");
        assert_eq!(form.text(QUOTA).unwrap().error, None);
        assert_eq!(form.invalid_count(), 3);
        // The top stage has no rate to edit.
        assert!(!form.apply(Edit::Type(FieldKey::StageRate(0), "50".into())));
    }

    #[test]
    fn a_solved_value_replaces_the_text_under_way() {
        use crate::model::levers::Setting;
        let mut form = Form::new(&example());
        typed(&mut form, FieldKey::StageRate(3), "4O");
        let rate = Rate::from_ppm(277_778).unwrap();
        assert!(form.apply(Edit::Apply(Setting::Rate(3, rate))));
        assert_eq!(form.scenario().funnel.rate_into(3), Some(rate));
        assert_eq!(
            form.text(FieldKey::StageRate(3)).unwrap(),
            &FieldText::valid("27.7778".into())
        );
        assert_eq!(form.invalid_count(), 0);
        // Applying it again changes nothing; the top stage has no rate.
        assert!(!form.apply(Edit::Apply(Setting::Rate(3, rate))));
        assert!(!form.apply(Edit::Apply(Setting::Rate(0, rate))));
        let deal = Money::from_cents(3_472_223).unwrap();
        assert!(form.apply(Edit::Apply(Setting::DealSize(deal))));
        assert_eq!(form.text(DEAL).unwrap().text, "34,722.23");
    }

    #[test]
    fn adds_above_won_and_keeps_two_to_twenty_stages() {
        let mut form = Form::new(&example());
        assert!(form.apply(Edit::AddStage));
        assert_eq!(names(&form)[5..], ["New stage", "Won"]);
        assert_eq!(form.scenario().funnel.rate_into(5).unwrap().ppm(), 500_000);
        while form.apply(Edit::AddStage) {}
        assert_eq!(form.stages().len(), 20);
        assert_eq!(form.scenario().funnel.stage_count(), 20);
        while form.apply(Edit::RemoveStage(1)) {}
        assert_eq!(names(&form), ["Visitors", "Won"]);
        assert!(!form.apply(Edit::RemoveStage(0)));
    }

    #[test]
    fn removing_the_top_drops_the_new_tops_rate() {
        let mut form = Form::new(&example());
        assert!(form.apply(Edit::RemoveStage(0)));
        assert_eq!(names(&form)[0], "Leads");
        assert_eq!(rates(&form)[0], None);
        assert_eq!(form.scenario().funnel.stage_count(), 5);
        assert_eq!(form.scenario().funnel.rate_into(1).unwrap().ppm(), 200_000);
        assert!(!form.apply(Edit::RemoveStage(9)));
    }

    #[test]
    fn moving_carries_rates_except_between_the_top_two() {
        let mut form = Form::new(&example());
        assert!(form.apply(Edit::MoveStageUp(3))); // SQLs above MQLs, each with its rate.
        assert_eq!(names(&form)[2..4], ["SQLs", "MQLs"]);
        assert_eq!(rates(&form)[2..4], [Some("40".into()), Some("20".into())]);
        let funnel = &form.scenario().funnel;
        assert_eq!(funnel.name(2).unwrap().as_str(), "SQLs");
        assert_eq!(funnel.rate_into(2).unwrap().ppm(), 400_000);
        assert!(form.apply(Edit::MoveStageDown(0))); // Names swap, the 2 % stays on top.
        assert_eq!(names(&form)[0..2], ["Leads", "Visitors"]);
        assert_eq!(rates(&form)[0..2], [None, Some("2".into())]);
        assert_eq!(form.scenario().funnel.rate_into(1).unwrap().ppm(), 20_000);
        assert!(!form.apply(Edit::MoveStageUp(0)));
        assert!(!form.apply(Edit::MoveStageDown(5)));
    }

    #[test]
    fn chosen_lead_and_handoff_stages_follow_their_stage() {
        let lead = FieldKey::Field(Field::LeadStage);
        let handoff = FieldKey::Field(Field::Handoff);
        let chosen = |form: &Form| {
            (
                form.scenario().costs.lead_stage,
                form.scenario().handoff.stage,
            )
        };
        let mut form = Form::new(&example());
        typed(&mut form, lead, "2");
        typed(&mut form, handoff, "3");
        form.apply(Edit::MoveStageUp(3)); // SQLs above MQLs: handoff follows SQLs to 2.
        assert_eq!(chosen(&form), (Some(3), Some(2)));
        form.apply(Edit::AddStage); // Inserted at 5, above Won: nothing below moves.
        assert_eq!(chosen(&form), (Some(3), Some(2)));
        form.apply(Edit::RemoveStage(0)); // Everything moves up one.
        assert_eq!(chosen(&form), (Some(2), Some(1)));
        assert_eq!(form.text(lead).unwrap().text, "2");
        form.apply(Edit::RemoveStage(2)); // The lead stage itself goes: back to the default.
        assert_eq!(chosen(&form), (None, Some(1)));
        typed(&mut form, lead, "40");
        assert_eq!(chosen(&form), (None, Some(1)), "past the last is ignored");
        assert_eq!(form.invalid_count(), 0, "menus never hold bad text");
    }

    #[test]
    fn optional_fields_accept_empty() {
        let mut form = Form::new(&example());
        let cap = FieldKey::Field(Field::Cap);
        typed(&mut form, cap, "150k");
        assert_eq!(form.scenario().costs.cap, Some(units(150_000)));
        typed(&mut form, cap, "");
        assert_eq!(form.scenario().costs.cap, None);
        typed(&mut form, cap, "x");
        assert_eq!(
            form.message(cap).unwrap(),
            "\u{201c}x\u{201d} is not a number. Still using no budget cap, the value before this edit."
        );
    }

    #[test]
    fn channels_are_kept_whatever_their_shares_total() {
        let mut form = Form::new(&example());
        assert!(form.apply(Edit::AddChannel));
        assert_eq!(form.channels()[0].share.text, "100");
        typed(&mut form, FieldKey::ChannelShare(0), "60");
        form.apply(Edit::Commit(FieldKey::ChannelShare(0)));
        form.apply(Edit::AddChannel);
        assert_eq!(form.channels()[1].share.text, "40");
        form.apply(Edit::AddChannel);
        assert_eq!(form.channels()[2].share.text, "0");
        typed(&mut form, FieldKey::ChannelShare(2), "25");
        assert_eq!(form.scenario().costs.channels.len(), 3);
        assert!(form.apply(Edit::RemoveChannel(1)));
        let channels = &form.scenario().costs.channels;
        assert_eq!(channels.len(), 2, "removing one never drops the others");
        assert_eq!(
            crate::model::assumptions::check_channels(channels),
            Err(ChannelError::SharesTotal(850_000))
        );
        assert_eq!(
            form.invalid_count(),
            0,
            "a total other than 100 % is not a typo"
        );
        typed(&mut form, FieldKey::ChannelShare(0), "4O");
        assert_eq!(form.scenario().costs.channels.len(), 2);
        assert_eq!(form.scenario().costs.channels[0].share.ppm(), 600_000);
    }

    #[test]
    fn scaling_channels_keeps_their_proportions_and_totals_one_hundred() {
        let mut form = Form::new(&example());
        for _ in 0..3 {
            form.apply(Edit::AddChannel);
        }
        for (c, share) in ["40", "35", "0"].into_iter().enumerate() {
            typed(&mut form, FieldKey::ChannelShare(c), share);
        }
        assert!(form.apply(Edit::ScaleChannels));
        let texts: Vec<&str> = form
            .channels()
            .iter()
            .map(|c| c.share.text.as_str())
            .collect();
        assert_eq!(texts, ["53.3333", "46.6667", "0"]);
        assert_eq!(scale_to_whole(&[0, 0, 0]), [333_334, 333_333, 333_333]);
        // A mistyped share is never scaled away.
        typed(&mut form, FieldKey::ChannelShare(1), "4O");
        assert!(!form.can_scale_channels());
        assert!(!form.apply(Edit::ScaleChannels));
        assert_eq!(form.channels()[1].share.text, "4O");
        assert_eq!(scale_to_whole(&[1, 1]), [500_000, 500_000]);
    }

    #[test]
    fn a_decimal_comma_locale_reads_single_numbers_only() {
        let mut form = Form::new(&example()).with_locale(NumberLocale::DecimalComma);
        typed(&mut form, FieldKey::StageRate(1), "2,5");
        assert_eq!(form.scenario().funnel.rate_into(1).unwrap().ppm(), 25_000);
        typed(&mut form, DEAL, "1.000");
        assert!(matches!(
            form.text(DEAL).unwrap().error,
            Some(FieldError::Number(crate::model::NumberError::Ambiguous(_)))
        ));
        assert_eq!(form.scenario().deal_size, units(25_000));
        // Lists keep their commas as separators.
        typed(&mut form, FieldKey::Field(Field::StageDays), "10,20,30,40");
        assert_eq!(
            form.scenario().timing.stage_days,
            Some(vec![10, 20, 30, 40])
        );
        typed(&mut form, FieldKey::Field(Field::Reps), "15, 5@25");
        assert_eq!(form.scenario().team.reps.cohorts().len(), 2);
    }

    #[test]
    fn a_decimal_comma_locale_sees_numbers_as_it_types_them() {
        let mut scenario = example();
        scenario.deal_size = Money::from_cents(2_500_050).unwrap();
        let mut form = Form::new(&scenario).with_locale(NumberLocale::DecimalComma);
        // No grouping commas, which would read as decimals there: 25000,50 reads back.
        assert_eq!(form.text(DEAL).unwrap().text, "25000,50");
        assert_eq!(
            form.text(FieldKey::Field(Field::Quota)).unwrap().text,
            "1000000"
        );
        // Copy link's note names values the same way.
        assert_eq!(form.describe(FieldKey::Field(Field::Quota)), "1000000");
        // Appending a digit to what is shown keeps meaning what it shows.
        typed(&mut form, FieldKey::Field(Field::Quota), "10000000");
        assert_eq!(form.scenario().quota, units(10_000_000));
        typed(&mut form, DEAL, "25000,50");
        assert_eq!(
            form.scenario().deal_size,
            Money::from_cents(2_500_050).unwrap()
        );
        typed(&mut form, DEAL, "450%");
        assert_eq!(
            form.message(DEAL).unwrap(),
            "This is an amount, not a percentage. Still using 25000,50, the value before this edit."
        );
        // Rows added later are shown the same way.
        assert!(form.apply(Edit::AddChannel));
        let cost = FieldKey::ChannelCost(form.channels().len() - 1);
        assert!(!form.text(cost).unwrap().text.contains('.'));
        typed(&mut form, FieldKey::Field(Field::Currency), " eur");
        assert_eq!(form.scenario().currency.as_str(), "EUR");
        assert!(form.apply(Edit::Commit(FieldKey::Field(Field::Currency))));
        typed(&mut form, FieldKey::Field(Field::Currency), "EURO");
        assert_eq!(
            form.message(FieldKey::Field(Field::Currency)).unwrap(),
            "Give a three-letter ISO 4217 currency code, such as EUR, GBP or USD. Still using EUR, \
             the value before this edit."
        );
    }

    /// Any edit the page can send: text for any field (good, bad or odd), commits, and every
    /// list edit, at indices in and past the lists.
    fn any_edit() -> impl proptest::strategy::Strategy<Value = Edit> {
        use proptest::prelude::*;
        let key = prop_oneof![
            (0..Field::ALL.len()).prop_map(|i| FieldKey::Field(Field::ALL[i])),
            (0usize..22).prop_map(FieldKey::StageName),
            (0usize..22).prop_map(FieldKey::StageRate),
            (0usize..22).prop_map(FieldKey::StageLow),
            (0usize..22).prop_map(FieldKey::StageHigh),
            (0usize..14).prop_map(FieldKey::ChannelName),
            (0usize..14).prop_map(FieldKey::ChannelShare),
            (0usize..14).prop_map(FieldKey::ChannelCost),
        ];
        let text = prop_oneof![
            "[0-9]{0,6}",
            "[0-9,.%kM@ ]{0,12}",
            any::<String>(),
            Just("450%".to_owned()),
            Just("2,5".to_owned()),
        ];
        prop_oneof![
            4 => (key.clone(), text).prop_map(|(k, t)| Edit::Type(k, t)),
            1 => key.prop_map(Edit::Commit),
            1 => Just(Edit::AddStage),
            1 => (0usize..22).prop_map(Edit::RemoveStage),
            1 => (0usize..22).prop_map(Edit::MoveStageUp),
            1 => (0usize..22).prop_map(Edit::MoveStageDown),
            1 => Just(Edit::AddChannel),
            1 => (0usize..14).prop_map(Edit::RemoveChannel),
            1 => Just(Edit::ScaleChannels),
        ]
    }

    proptest::proptest! {
        #[test]
        fn any_edits_keep_the_form_consistent_and_the_plan_finite(
            edits in proptest::collection::vec(any_edit(), 0..60),
            comma in proptest::bool::ANY,
        ) {
            let locale = if comma { NumberLocale::DecimalComma } else { NumberLocale::DecimalPoint };
            let mut form = Form::new(&example()).with_locale(locale);
            for edit in edits {
                form.apply(edit);
                let scenario = form.scenario();
                let count = scenario.funnel.stage_count();
                proptest::prop_assert_eq!(form.stages().len(), count);
                proptest::prop_assert!(form.stages()[0].rate.is_none());
                proptest::prop_assert!(form.stages()[0].low.is_none());
                proptest::prop_assert!(form.stages()[1..].iter().all(|s| s.rate.is_some() && s.low.is_some() && s.high.is_some()));
                // Every range kept fits its value.
                for i in 1..count {
                    let rate = scenario.funnel.rate_into(i).unwrap();
                    proptest::prop_assert!(Range::rate_around(rate, scenario.funnel.bounds_into(i)).is_ok());
                }
                proptest::prop_assert!(Range::deal_around(scenario.deal_size, scenario.uncertainty.deal).is_ok());
                proptest::prop_assert_eq!(form.channels().len(), scenario.costs.channels.len());
                proptest::prop_assert!(scenario.costs.lead_stage.is_none_or(|s| s < count));
                proptest::prop_assert!(scenario.handoff.stage.is_none_or(|s| s < count));
                // Every valid text is what the plan uses; drafts hold exactly the invalid ones.
                let drafts = form.drafts();
                proptest::prop_assert_eq!(drafts.len(), form.invalid_count());
                let reloaded = Form::with_drafts(
                    scenario,
                    drafts.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                    locale,
                );
                proptest::prop_assert_eq!(reloaded.scenario(), scenario);
                proptest::prop_assert_eq!(reloaded.drafts(), drafts);
            }
            let plan = crate::model::compute(form.scenario());
            proptest::prop_assert!(plan.stages.iter().all(|s| s.need.is_finite() && s.forecast.is_finite()));
            proptest::prop_assert!(plan.gap.is_finite() && plan.budget.budget.is_finite());
        }
    }
}
