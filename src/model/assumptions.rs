//! The planning assumptions beyond the funnel: the sales team, marketing costs and channels,
//! timing (sales cycle, seasonality) and the marketing-to-sales handoff.

use std::fmt;

use super::amount::{Money, Volume};
use super::number::{NumberError, NumberKind, parse_number};
use super::period::YearMonth;
use super::rate::{Attainment, Share, ppm_percent_plain};
use super::reps::Reps;
use super::stage::{Funnel, StageName};

/// The sales team that carries the new-business target.
#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    /// The reps carrying quota, in cohorts by ramp.
    pub reps: Reps,
    /// Quota of one rep for the planning period.
    pub rep_quota: Money,
    /// Share of quota the average rep is expected to attain.
    pub attainment: Attainment,
}

impl Default for Team {
    fn default() -> Self {
        Self {
            reps: Reps::ramped(Volume::from_units(5).unwrap_or_else(|| unreachable!("small"))),
            rep_quota: Money::from_units(250_000).unwrap_or_else(|| unreachable!("small")),
            attainment: Attainment::FULL,
        }
    }
}

/// One marketing channel: its share of the lead-stage volume and its cost per lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channel {
    /// The channel's name (same rules as stage names).
    pub name: StageName,
    /// Share of marketing's lead-stage volume that comes from this channel.
    pub share: Share,
    /// Cost of one unit at the lead stage in this channel.
    pub cost_per_lead: Money,
}

/// Most channels a plan can have.
pub const MAX_CHANNELS: usize = 12;

/// Why a list of channels cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChannelError {
    /// The shares do not total 100 %; holds the total in parts per million.
    SharesTotal(u64),
    /// More than [`MAX_CHANNELS`] channels; holds the count.
    TooMany(usize),
}

impl fmt::Display for ChannelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SharesTotal(ppm) => write!(
                f,
                "channel shares must total 100 %, but they total {} %",
                ppm_percent_plain(u32::try_from(*ppm).unwrap_or(u32::MAX))
            ),
            Self::TooMany(count) => {
                write!(f, "at most {MAX_CHANNELS} channels, not {count}")
            }
        }
    }
}

impl std::error::Error for ChannelError {}

/// Checks that channels can be used together: at most [`MAX_CHANNELS`], shares totalling
/// exactly 100 % (an empty list means "no channels": the blended cost per lead is used).
///
/// # Errors
/// Returns the [`ChannelError`] found.
pub fn check_channels(channels: &[Channel]) -> Result<(), ChannelError> {
    if channels.len() > MAX_CHANNELS {
        return Err(ChannelError::TooMany(channels.len()));
    }
    let total: u64 = channels.iter().map(|c| u64::from(c.share.ppm())).sum();
    if channels.is_empty() || total == 1_000_000 {
        Ok(())
    } else {
        Err(ChannelError::SharesTotal(total))
    }
}

/// What marketing pays for its leads.
#[derive(Clone, Debug, PartialEq)]
pub struct Costs {
    /// The stage marketing pays for; `None` means the default (see [`Costs::lead_stage_in`]).
    pub lead_stage: Option<usize>,
    /// Blended cost of one unit at the lead stage, used when there are no channels.
    pub cost_per_lead: Money,
    /// Channels; empty to use the blended cost per lead. Shares total 100 % when not empty.
    pub channels: Vec<Channel>,
    /// The marketing budget available, if there is a cap.
    pub cap: Option<Money>,
    /// The most marketing can deliver at the lead stage in the period, if it has a limit:
    /// what the levers are solved for (see [`crate::model::levers::solve`]).
    pub lead_limit: Option<Volume>,
}

impl Default for Costs {
    fn default() -> Self {
        Self {
            lead_stage: None,
            cost_per_lead: Money::from_units(100).unwrap_or_else(|| unreachable!("small")),
            channels: Vec::new(),
            cap: None,
            lead_limit: None,
        }
    }
}

impl Costs {
    /// Returns the lead stage's index in `funnel`: the chosen one when it exists, else stage 1
    /// for funnels of three or more stages and stage 0 otherwise.
    #[must_use]
    pub fn lead_stage_in(&self, funnel: &Funnel) -> usize {
        let count = funnel.stage_count();
        self.lead_stage
            .filter(|&stage| stage < count)
            .unwrap_or(usize::from(count >= 3))
    }
}

/// Longest sales cycle accepted, in days (ten years).
pub const MAX_CYCLE_DAYS: u32 = 3650;

/// Relative weights of closed deals in each calendar month, January first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Season {
    hundredths: [u32; 12],
}

/// Why seasonality weights cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeasonError {
    /// Not exactly twelve weights; holds the count given.
    Count(usize),
    /// A weight is not a number from 0 to 1,000,000; holds the month (1 = January).
    Weight(usize, NumberError),
    /// Every weight is zero.
    AllZero,
}

impl fmt::Display for SeasonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Count(count) => write!(f, "give 12 weights, January to December, not {count}"),
            Self::Weight(month, error) => write!(f, "the weight for month {month}: {error}"),
            Self::AllZero => f.write_str("at least one month needs a weight above 0"),
        }
    }
}

impl std::error::Error for SeasonError {}

impl Season {
    /// Largest weight accepted.
    const MAX_WEIGHT_HUNDREDTHS: u32 = 100_000_000;

    /// Reads twelve comma-separated weights (`1,1,1.5,…`), January first.
    ///
    /// # Errors
    /// Returns a [`SeasonError`] for a wrong count, a bad weight, or all zeros.
    pub fn parse(text: &str) -> Result<Self, SeasonError> {
        let parts: Vec<&str> = text.split(',').collect();
        if parts.len() != 12 {
            return Err(SeasonError::Count(parts.len()));
        }
        let mut hundredths = [0u32; 12];
        for (index, part) in parts.iter().enumerate() {
            let weight = parse_number(part, NumberKind::Amount)
                .map_err(|error| SeasonError::Weight(index + 1, error))?
                .scaled(2)
                .and_then(|value| u32::try_from(value).ok())
                .filter(|&value| value <= Self::MAX_WEIGHT_HUNDREDTHS)
                .ok_or(SeasonError::Weight(
                    index + 1,
                    NumberError::AboveMax("1,000,000".to_owned()),
                ))?;
            hundredths[index] = weight;
        }
        if hundredths.iter().all(|&weight| weight == 0) {
            return Err(SeasonError::AllZero);
        }
        Ok(Self { hundredths })
    }

    /// Returns the weight of calendar month `month` (1 = January), in hundredths.
    #[must_use]
    pub fn weight(&self, month: u32) -> u32 {
        self.hundredths[usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0)]
    }

    /// Writes the weights as links and fields show them (`1,1,1.5,…`).
    #[must_use]
    pub fn to_plain(&self) -> String {
        let weights: Vec<String> = self
            .hundredths
            .iter()
            .map(|&h| {
                Volume::from_hundredths(u64::from(h)).map_or_else(String::new, Volume::to_plain)
            })
            .collect();
        weights.join(",")
    }
}

/// When things happen: the period's first month, the sales cycle and seasonality.
#[derive(Clone, Debug, PartialEq)]
pub struct Timing {
    /// First month of the planning period.
    pub start: YearMonth,
    /// Average days from the lead stage to closed-won.
    pub cycle_days: u32,
    /// How closed deals spread over calendar months; `None` spreads them evenly.
    pub season: Option<Season>,
    /// Days spent in each step from the lead stage to Won (never an empty list, at most
    /// [`MAX_STEPS`] entries); `None` splits the cycle evenly. Used only when it has exactly
    /// one entry per step (see [`Timing::step_days`]); its total then replaces `cycle_days`.
    pub stage_days: Option<Vec<u32>>,
}

impl Timing {
    /// Returns the default timing for a period starting in month `start`: no sales cycle, no
    /// seasonality, no days per stage.
    #[must_use]
    pub fn starting(start: YearMonth) -> Self {
        Self {
            start,
            cycle_days: 0,
            season: None,
            stage_days: None,
        }
    }

    /// Returns the days per step for a funnel with `steps` steps from the lead stage to Won:
    /// `None` when none are given.
    ///
    /// # Errors
    /// Returns a [`StepCountError`] when days are given but not exactly one per step (the
    /// stages changed after they were typed, or a link gave the wrong count); the plan then
    /// splits the cycle evenly.
    pub fn step_days(&self, steps: usize) -> Result<Option<&[u32]>, StepCountError> {
        match self.stage_days.as_deref() {
            None => Ok(None),
            Some(days) if days.len() == steps => Ok(Some(days)),
            Some(days) => Err(StepCountError {
                given: days.len(),
                steps,
            }),
        }
    }
}

/// Most days per step a plan can hold: one per step of the longest funnel.
pub const MAX_STEPS: usize = Funnel::MAX_STAGES - 1;

/// Why a list of days per step cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StageDaysError {
    /// More numbers than any funnel has steps; holds the count.
    TooMany(usize),
    /// The days for step `n` (1 = the first step) are not a whole number from 0 to 3650.
    Day(usize, NumberError),
}

impl fmt::Display for StageDaysError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooMany(count) => write!(
                f,
                "Give one number per step from the lead stage to Won: at most {MAX_STEPS}, not \
                 {}.",
                super::format::NumberStyle::default()
                    .count(f64::from(u32::try_from(*count).unwrap_or(u32::MAX)))
            ),
            Self::Day(step, error) => write!(f, "Step {step}: {error}"),
        }
    }
}

impl std::error::Error for StageDaysError {}

/// Days per step that are not one per step from the lead stage to Won.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepCountError {
    /// How many numbers were given.
    pub given: usize,
    /// How many steps there are from the lead stage to Won.
    pub steps: usize,
}

impl fmt::Display for StepCountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Give {} {}, one per step from the lead stage to Won, not {}.",
            self.steps,
            if self.steps == 1 { "number" } else { "numbers" },
            self.given
        )
    }
}

impl std::error::Error for StepCountError {}

/// Reads a list of whole days per stage step (`10,20,30`), at most [`MAX_STEPS`] of them.
///
/// # Errors
/// Returns a [`StageDaysError`] for too many numbers or a day count that is not a whole number
/// from 0 to [`MAX_CYCLE_DAYS`].
pub fn parse_stage_days(text: &str) -> Result<Vec<u32>, StageDaysError> {
    let count = text.split(',').count();
    if count > MAX_STEPS {
        return Err(StageDaysError::TooMany(count));
    }
    text.split(',')
        .enumerate()
        .map(|(index, part)| {
            parse_days(part).map_err(|error| StageDaysError::Day(index.saturating_add(1), error))
        })
        .collect()
}

/// Reads a whole number of days from 0 to [`MAX_CYCLE_DAYS`].
///
/// # Errors
/// Returns why the text is not such a number.
pub fn parse_days(text: &str) -> Result<u32, NumberError> {
    parse_whole(text, MAX_CYCLE_DAYS)
}

/// Reads a whole number from 0 to `max`. A value above `max` is reported as too large even
/// when it also has a fraction (`4000.5`); a fraction within range as not whole (`1.5`).
///
/// # Errors
/// Returns why the text is not such a number.
pub fn parse_whole(text: &str, max: u32) -> Result<u32, NumberError> {
    let above = || NumberError::AboveMax(max.to_string());
    let decimal = parse_number(text, NumberKind::Amount).map_err(|error| match error {
        NumberError::TooLarge => above(),
        other => other,
    })?;
    // The parser keeps at most 38 decimal places, so 10^places fits in a u128; were it not to,
    // the number would be below one unit and not whole.
    let unit = 10u128
        .checked_pow(decimal.places)
        .ok_or(NumberError::NotWhole)?;
    let whole = decimal
        .digits
        .checked_div(unit)
        .and_then(|whole| u32::try_from(whole).ok())
        .filter(|&whole| whole <= max)
        .ok_or_else(above)?;
    if decimal.digits.checked_rem(unit) == Some(0) {
        Ok(whole)
    } else {
        Err(NumberError::NotWhole)
    }
}

/// Longest follow-up time accepted, in hours (30 days).
pub const MAX_FOLLOWUP_HOURS: u32 = 720;

/// Reads a follow-up time: whole hours from 1 to [`MAX_FOLLOWUP_HOURS`].
///
/// # Errors
/// Returns why the text is not such a number.
pub fn parse_followup(text: &str) -> Result<u32, NumberError> {
    match parse_whole(text, MAX_FOLLOWUP_HOURS)? {
        0 => Err(NumberError::Zero),
        hours => Ok(hours),
    }
}

/// The marketing-to-sales handoff: the service-level agreement both teams sign.
#[derive(Clone, Debug, PartialEq)]
pub struct Handoff {
    /// The stage handed to sales; `None` means the default (see [`Handoff::stage_in`]).
    pub stage: Option<usize>,
    /// Hours within which sales follows up each handed-off unit.
    pub followup_hours: u32,
    /// Reps who work handed-off units; `None` means the team's reps.
    pub fte_reps: Option<Volume>,
}

impl Default for Handoff {
    fn default() -> Self {
        Self {
            stage: None,
            followup_hours: 24,
            fte_reps: None,
        }
    }
}

impl Handoff {
    /// Returns the handoff stage's index in `funnel`: the chosen one when it exists, else the
    /// stage named MQL or MQLs (any case), else stage 2 (or the last stage of shorter funnels).
    #[must_use]
    pub fn stage_in(&self, funnel: &Funnel) -> usize {
        let last = funnel.stage_count() - 1;
        self.stage
            .filter(|&stage| stage <= last)
            .unwrap_or_else(|| {
                funnel
                    .names()
                    .position(|name| {
                        let name = name.as_str();
                        name.eq_ignore_ascii_case("mql") || name.eq_ignore_ascii_case("mqls")
                    })
                    .unwrap_or(2.min(last))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rate, Scenario, Step};

    fn funnel(names: &[&str]) -> Funnel {
        let steps = names[1..]
            .iter()
            .map(|name| Step::new(StageName::new(name).unwrap(), Rate::WHOLE))
            .collect();
        Funnel::new(StageName::new(names[0]).unwrap(), steps).unwrap()
    }

    fn channel(share: &str, cpl: u64) -> Channel {
        Channel {
            name: StageName::new("Paid").unwrap(),
            share: Share::parse_percent(share).unwrap(),
            cost_per_lead: Money::from_units(cpl).unwrap(),
        }
    }

    #[test]
    fn lead_stage_defaults_to_one_with_three_stages() {
        let costs = Costs::default();
        assert_eq!(costs.lead_stage_in(&funnel(&["A", "B"])), 0);
        assert_eq!(costs.lead_stage_in(&funnel(&["A", "B", "C"])), 1);
        let chosen = Costs {
            lead_stage: Some(2),
            ..Costs::default()
        };
        assert_eq!(chosen.lead_stage_in(&funnel(&["A", "B", "C"])), 2);
        assert_eq!(
            chosen.lead_stage_in(&funnel(&["A", "B"])),
            0,
            "out of range"
        );
    }

    #[test]
    fn handoff_defaults_to_the_mql_stage() {
        let handoff = Handoff::default();
        assert_eq!(handoff.stage_in(&Scenario::default_funnel()), 2);
        assert_eq!(
            handoff.stage_in(&funnel(&["Visits", "Leads", "SQL", "mql", "Won"])),
            3
        );
        assert_eq!(handoff.stage_in(&funnel(&["Leads", "Won"])), 1);
        assert_eq!(handoff.stage_in(&funnel(&["A", "B", "C", "D"])), 2);
    }

    #[test]
    fn channel_shares_must_total_one_hundred() {
        assert_eq!(check_channels(&[]), Ok(()));
        assert_eq!(
            check_channels(&[channel("60", 50), channel("40", 200)]),
            Ok(())
        );
        let error = check_channels(&[channel("60", 50), channel("30", 200)]).unwrap_err();
        assert_eq!(error, ChannelError::SharesTotal(900_000));
        assert_eq!(
            error.to_string(),
            "channel shares must total 100 %, but they total 90 %"
        );
        let many = vec![channel("0", 1); 13];
        assert_eq!(check_channels(&many), Err(ChannelError::TooMany(13)));
    }

    #[test]
    fn season_has_twelve_weights_not_all_zero() {
        let season = Season::parse("1,1,1,1,1,1,0,0,1.5,2,2,3").unwrap();
        assert_eq!(season.weight(1), 100);
        assert_eq!(season.weight(7), 0);
        assert_eq!(season.weight(9), 150);
        assert_eq!(season.to_plain(), "1,1,1,1,1,1,0,0,1.5,2,2,3");
        assert_eq!(Season::parse("1,2,3"), Err(SeasonError::Count(3)));
        assert_eq!(
            Season::parse(&["0"; 12].join(",")),
            Err(SeasonError::AllZero)
        );
        assert!(matches!(
            Season::parse("1,1,1,1,1,-1,1,1,1,1,1,1"),
            Err(SeasonError::Weight(6, NumberError::Negative))
        ));
    }

    #[test]
    fn days_and_hours_are_whole_numbers_in_range() {
        assert_eq!(parse_days("90"), Ok(90));
        assert_eq!(parse_days("1,200"), Ok(1200));
        assert_eq!(
            parse_days("4000"),
            Err(NumberError::AboveMax("3650".into()))
        );
        assert_eq!(parse_days("1.5"), Err(NumberError::NotWhole));
        assert_eq!(parse_stage_days("10,20,30"), Ok(vec![10, 20, 30]));
        assert_eq!(
            parse_stage_days("10,,30"),
            Err(StageDaysError::Day(2, NumberError::Empty))
        );
        assert_eq!(parse_whole("48", MAX_FOLLOWUP_HOURS), Ok(48));
    }

    #[test]
    fn days_per_step_allow_one_per_step_and_no_more() {
        // The 250,000 entries are refused when read; 19 (the longest funnel's steps)
        // are the most a plan can hold.
        let many = vec!["1"; 250_000].join(",");
        let error = parse_stage_days(&many).unwrap_err();
        assert_eq!(error, StageDaysError::TooMany(250_000));
        assert_eq!(
            error.to_string(),
            "Give one number per step from the lead stage to Won: at most 19, not 250,000."
        );
        assert_eq!(
            parse_stage_days(&vec!["1"; 19].join(",")).map(|d| d.len()),
            Ok(19)
        );
        assert_eq!(
            parse_stage_days(&vec!["1"; 20].join(",")),
            Err(StageDaysError::TooMany(20))
        );
        assert_eq!(
            StageDaysError::Day(2, NumberError::NotWhole).to_string(),
            "Step 2: Use a whole number."
        );
        // Against the funnel: exactly one per step, else a count error.
        let timing = Timing {
            stage_days: Some(vec![10, 20, 30, 40]),
            ..Timing::starting(YearMonth::new(2027, 1).unwrap())
        };
        assert_eq!(timing.step_days(4), Ok(Some(&[10, 20, 30, 40][..])));
        let error = timing.step_days(5).unwrap_err();
        assert_eq!(error, StepCountError { given: 4, steps: 5 });
        assert_eq!(
            error.to_string(),
            "Give 5 numbers, one per step from the lead stage to Won, not 4."
        );
        assert_eq!(
            StepCountError { given: 2, steps: 1 }.to_string(),
            "Give 1 number, one per step from the lead stage to Won, not 2."
        );
        assert_eq!(
            Timing::starting(YearMonth::new(2027, 1).unwrap()).step_days(4),
            Ok(None)
        );
    }

    #[test]
    fn whole_numbers_at_the_edge_of_u128_never_overflow() {
        // The link: u128::MAX tenths. It is far above 3650, and that is what is said
        // (it used to overflow multiplying the whole part back by 10).
        let above = || Err(NumberError::AboveMax("3650".into()));
        let cases: [(&str, Result<u32, NumberError>); 9] = [
            ("34028236692093846346337460743176821145.5", above()),
            ("340282366920938463463374607431768211455", above()),
            ("3402823669209384634633746074317682114.55", above()),
            (
                "0.34028236692093846346337460743176821145",
                Err(NumberError::NotWhole),
            ),
            ("4000.5", above()),
            ("3650.5", Err(NumberError::NotWhole)),
            ("3650.0", Ok(3650)),
            ("1e3", Ok(1000)),
            ("90.000", Ok(90)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_days(text), expected, "{text}");
        }
        assert_eq!(
            parse_whole("720.5", MAX_FOLLOWUP_HOURS),
            Err(NumberError::NotWhole)
        );
        assert_eq!(
            parse_followup("99999999999999999999999999999999999999.9"),
            Err(NumberError::AboveMax("720".into()))
        );
    }
}
