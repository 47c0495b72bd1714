//! How sure are we: ranges around the plan's rates and deal size, and a Monte Carlo
//! simulation of what they mean for marketing's lead-stage need and the forecast revenue.
//!
//! Each conversion rate and the deal size may carry a low and a high ([`Bounds`]). A
//! [`Range`] is the checked triple low ≤ value ≤ high, built by [`Range::rate`] or
//! [`Range::deal`], which return a typed [`RangeError`] otherwise; a side left unset is the
//! value itself.
//!
//! [`Simulation`] draws every ranged value from a beta-PERT distribution on its low, value
//! (the mode) and high, with a fixed seed, so the same plan always gives the same figures.
//! Each draw computes marketing's lead-stage need with the plan's own arithmetic and rounding
//! rule, the forecast revenue from the planned traffic, and whether the forecast reaches the
//! new-business target as the page's gap counts it. [`Simulation::run`] runs any slice of the
//! draws into an [`Accumulator`], so the page can spread the work over several tasks; the
//! figures never depend on how the draws were sliced.

use std::fmt;

use super::amount::Money;
use super::number::NumberError;
use super::plan;
use super::rate::Rate;
use super::scenario::{Rounding, Scenario};

/// Parts per million in 100 %.
const PPM: u64 = 1_000_000;

/// The seed every simulation starts from. Draw `i` uses its own stream, derived from the seed
/// and `i`, so figures depend on neither the order nor the slicing of the draws.
pub const SEED: u64 = 0x5EED_F00D_2026_0007;

/// Bars in the histogram of the lead-stage need.
pub const HISTOGRAM_BINS: usize = 20;

/// A low and a high around a value, each optional: the form a planner enters and a link
/// carries. An unset side is the value itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bounds<T> {
    /// The low end, at most the value.
    pub low: Option<T>,
    /// The high end, at least the value.
    pub high: Option<T>,
}

impl<T> Bounds<T> {
    /// No range: the value alone.
    pub const NONE: Self = Self {
        low: None,
        high: None,
    };

    /// Whether either side is set.
    #[must_use]
    pub fn is_set(&self) -> bool {
        self.low.is_some() || self.high.is_some()
    }

    /// One side's bound alone.
    #[must_use]
    pub fn only(self, side: Side) -> Self {
        match side {
            Side::Low => Self {
                low: self.low,
                high: None,
            },
            Side::High => Self {
                low: None,
                high: self.high,
            },
        }
    }
}

impl<T> Default for Bounds<T> {
    fn default() -> Self {
        Self::NONE
    }
}

/// Which end of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The low end.
    Low,
    /// The high end.
    High,
}

impl Side {
    /// The side's name in messages and labels: `low` or `high`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::High => "high",
        }
    }
}

/// What a range is around.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ranged {
    /// A conversion rate.
    Rate,
    /// The average deal size.
    DealSize,
}

/// Why a low or high cannot go with its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeError {
    /// The end that is on the wrong side of the value.
    pub side: Side,
    /// What the range is around.
    pub ranged: Ranged,
    /// The value, in words ("20 %", "25,000").
    pub value: String,
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.ranged {
            Ranged::Rate => "the rate",
            Ranged::DealSize => "the deal size",
        };
        match self.side {
            Side::Low => write!(f, "The low must be at most {what}, {}.", self.value),
            Side::High => write!(f, "The high must be at least {what}, {}.", self.value),
        }
    }
}

impl std::error::Error for RangeError {}

/// Why the text of a low or high is not usable: not a value at all, or on the wrong side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BoundError {
    /// The text is not a rate or an amount.
    Number(NumberError),
    /// The value is on the wrong side of the value it ranges around.
    Range(RangeError),
}

impl fmt::Display for BoundError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(error) => error.fmt(f),
            Self::Range(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for BoundError {}

impl From<NumberError> for BoundError {
    fn from(error: NumberError) -> Self {
        Self::Number(error)
    }
}

impl From<RangeError> for BoundError {
    fn from(error: RangeError) -> Self {
        Self::Range(error)
    }
}

/// A checked range: `low ≤ mode ≤ high`. The mode is the plan's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Range<T> {
    low: T,
    mode: T,
    high: T,
}

impl<T: Copy + Ord> Range<T> {
    /// The value alone: low = mode = high.
    #[must_use]
    pub fn point(value: T) -> Self {
        Self {
            low: value,
            mode: value,
            high: value,
        }
    }

    /// Checks `low ≤ mode ≤ high`; `words` writes the mode for the error.
    fn checked(
        low: T,
        mode: T,
        high: T,
        ranged: Ranged,
        words: impl Fn(T) -> String,
    ) -> Result<Self, RangeError> {
        let error = |side| RangeError {
            side,
            ranged,
            value: words(mode),
        };
        if low > mode {
            Err(error(Side::Low))
        } else if high < mode {
            Err(error(Side::High))
        } else {
            Ok(Self { low, mode, high })
        }
    }

    /// The low end.
    #[must_use]
    pub fn low(&self) -> T {
        self.low
    }

    /// The plan's value, the most likely.
    #[must_use]
    pub fn mode(&self) -> T {
        self.mode
    }

    /// The high end.
    #[must_use]
    pub fn high(&self) -> T {
        self.high
    }

    /// Whether the range is the value alone.
    #[must_use]
    pub fn is_point(&self) -> bool {
        self.low == self.high
    }
}

impl Range<Rate> {
    /// Checks a rate's range: `low ≤ rate ≤ high`, every one a valid rate.
    ///
    /// # Errors
    /// Returns which end is on the wrong side of the rate.
    pub fn rate(low: Rate, rate: Rate, high: Rate) -> Result<Self, RangeError> {
        Self::checked(low, rate, high, Ranged::Rate, |r| {
            format!("{} %", r.percent_plain())
        })
    }

    /// The range a rate's bounds give; an unset side is the rate itself.
    ///
    /// # Errors
    /// Returns which end is on the wrong side of the rate.
    pub fn rate_around(rate: Rate, bounds: Bounds<Rate>) -> Result<Self, RangeError> {
        Self::rate(
            bounds.low.unwrap_or(rate),
            rate,
            bounds.high.unwrap_or(rate),
        )
    }
}

impl Range<Money> {
    /// Checks a deal size's range: `low ≤ deal ≤ high`.
    ///
    /// # Errors
    /// Returns which end is on the wrong side of the deal size.
    pub fn deal(low: Money, deal: Money, high: Money) -> Result<Self, RangeError> {
        Self::checked(low, deal, high, Ranged::DealSize, Money::to_display)
    }

    /// The range the deal size's bounds give; an unset side is the deal size itself.
    ///
    /// # Errors
    /// Returns which end is on the wrong side of the deal size.
    pub fn deal_around(deal: Money, bounds: Bounds<Money>) -> Result<Self, RangeError> {
        Self::deal(
            bounds.low.unwrap_or(deal),
            deal,
            bounds.high.unwrap_or(deal),
        )
    }
}

/// Reads the text of a rate's low or high: a rate on the right side of `rate`. Empty text
/// is no bound.
///
/// # Errors
/// Returns why the text is not a rate, or which side of the rate it is on.
pub fn parse_rate_bound(text: &str, side: Side, rate: Rate) -> Result<Option<Rate>, BoundError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let bound = Rate::parse_percent(text)?;
    let bounds = bounds_of(side, bound);
    Range::rate_around(rate, bounds)?;
    Ok(Some(bound))
}

/// Reads the text of the deal size's low or high: an amount above 0 on the right side of
/// `deal`. Empty text is no bound.
///
/// # Errors
/// Returns why the text is not an amount, or which side of the deal size it is on.
pub fn parse_deal_bound(text: &str, side: Side, deal: Money) -> Result<Option<Money>, BoundError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let bound = Money::parse_positive(text)?;
    Range::deal_around(deal, bounds_of(side, bound))?;
    Ok(Some(bound))
}

/// Bounds with one side set.
fn bounds_of<T>(side: Side, value: T) -> Bounds<T> {
    match side {
        Side::Low => Bounds {
            low: Some(value),
            high: None,
        },
        Side::High => Bounds {
            low: None,
            high: Some(value),
        },
    }
}

/// How many draws a simulation makes: [`Draws::MIN`] to [`Draws::MAX`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Draws(u32);

impl Draws {
    /// Fewest draws.
    pub const MIN: u32 = 1_000;
    /// Most draws.
    pub const MAX: u32 = 100_000;
    /// Draws made when the plan names no count.
    pub const DEFAULT: Self = Self(10_000);

    /// Returns `count` draws, or `None` outside [`Draws::MIN`]..=[`Draws::MAX`].
    #[must_use]
    pub fn new(count: u32) -> Option<Self> {
        (Self::MIN..=Self::MAX)
            .contains(&count)
            .then_some(Self(count))
    }

    /// Returns the count.
    #[must_use]
    pub fn get(self) -> u32 {
        self.0
    }

    /// Reads a whole number of draws from 1,000 to 100,000 (`10000`, `10,000`, `10k`).
    ///
    /// # Errors
    /// Returns why the text is not such a count.
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        let count = super::assumptions::parse_whole(text, Self::MAX).map_err(|error| match error {
            NumberError::AboveMax(_) => NumberError::AboveMax(format_count(Self::MAX)),
            other => other,
        })?;
        Self::new(count).ok_or_else(|| NumberError::BelowMin(format_count(Self::MIN)))
    }
}

impl Default for Draws {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Writes a count with grouped thousands: `100,000`.
fn format_count(count: u32) -> String {
    super::format::group_thousands(&count.to_string())
}

/// The plan's uncertainty beyond the stage rates (whose bounds each stage carries): the deal
/// size's bounds and the number of draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Uncertainty {
    /// The deal size's low and high.
    pub deal: Bounds<Money>,
    /// The draws the plan names; `None` is [`Draws::DEFAULT`].
    pub draws: Option<Draws>,
}

impl Uncertainty {
    /// The draws to make.
    #[must_use]
    pub fn draw_count(&self) -> Draws {
        self.draws.unwrap_or_default()
    }
}

impl Scenario {
    /// The range of the rate into stage `index` (from 1); the rate alone for the top stage,
    /// past the last, and for bounds that no longer fit the rate (which the form and the link
    /// decoder never keep).
    #[must_use]
    pub fn rate_range(&self, index: usize) -> Range<Rate> {
        let rate = self.funnel.rate_into(index).unwrap_or(Rate::WHOLE);
        Range::rate_around(rate, self.funnel.bounds_into(index)).unwrap_or(Range::point(rate))
    }

    /// The deal size's range; the deal size alone for bounds that no longer fit it.
    #[must_use]
    pub fn deal_range(&self) -> Range<Money> {
        Range::deal_around(self.deal_size, self.uncertainty.deal)
            .unwrap_or(Range::point(self.deal_size))
    }

    /// Whether any rate or the deal size has a range wider than its value.
    #[must_use]
    pub fn has_ranges(&self) -> bool {
        !self.deal_range().is_point()
            || (1..self.funnel.stage_count()).any(|i| !self.rate_range(i).is_point())
    }
}

// ---- the generator -------------------------------------------------------------------------

/// One step of SplitMix64 (Steele, Lea and Flood), used to seed [`Rng`].
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** (Blackman and Vigna), seeded by SplitMix64, with a spare normal variate from
/// the polar method.
#[derive(Clone, Debug)]
pub struct Rng {
    state: [u64; 4],
    spare: Option<f64>,
}

impl Rng {
    /// The generator of draw `index`: its own stream, from [`SEED`] and the index.
    #[must_use]
    pub fn for_draw(index: u32) -> Self {
        let mut seed = SEED ^ splitmix64(&mut u64::from(index));
        Self {
            state: [
                splitmix64(&mut seed),
                splitmix64(&mut seed),
                splitmix64(&mut seed),
                splitmix64(&mut seed),
            ],
            spare: None,
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in the open interval (0, 1): 53 random bits, centred in their step.
    #[allow(
        clippy::cast_precision_loss,
        reason = "53 bits convert to f64 exactly"
    )]
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A standard normal variate (Marsaglia's polar method; every other call uses the spare).
    pub fn normal(&mut self) -> f64 {
        if let Some(spare) = self.spare.take() {
            return spare;
        }
        loop {
            let u = 2.0 * self.uniform() - 1.0;
            let v = 2.0 * self.uniform() - 1.0;
            let s = u * u + v * v;
            if s < 1.0 && s > 0.0 {
                let factor = (-2.0 * s.ln() / s).sqrt();
                self.spare = Some(v * factor);
                return u * factor;
            }
        }
    }
}

/// A Gamma(shape ≥ 1) sampler (Marsaglia and Tsang, 2000), its constants computed once.
#[derive(Clone, Copy, Debug)]
struct Gamma {
    d: f64,
    c: f64,
}

impl Gamma {
    fn new(shape: f64) -> Self {
        let d = shape - 1.0 / 3.0;
        Self {
            d,
            c: 1.0 / (9.0 * d).sqrt(),
        }
    }

    fn sample(self, rng: &mut Rng) -> f64 {
        loop {
            let x = rng.normal();
            let v = 1.0 + self.c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = rng.uniform();
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2 || u.ln() < 0.5 * x2 + self.d * (1.0 - v + v.ln()) {
                return self.d * v;
            }
        }
    }
}

/// Draws whole numbers (ppm or cents) from a beta-PERT distribution on `low ≤ mode ≤ high`:
/// `low + (high − low) × B`, B ~ Beta(α, β) with α = 1 + 4 (mode − low) ÷ (high − low) and
/// β = 1 + 4 (high − mode) ÷ (high − low), B = X ÷ (X + Y) for X ~ Gamma(α), Y ~ Gamma(β),
/// rounded to the nearest whole number. A point range returns its value without drawing.
#[derive(Clone, Copy, Debug)]
struct Pert {
    low: u64,
    high: u64,
    mode: u64,
    alpha: Gamma,
    beta: Gamma,
}

impl Pert {
    #[allow(
        clippy::cast_precision_loss,
        reason = "ppm and cents up to 10^15 convert exactly"
    )]
    fn new(low: u64, mode: u64, high: u64) -> Self {
        let span = high.saturating_sub(low).max(1) as f64;
        Self {
            low,
            high,
            mode,
            alpha: Gamma::new(1.0 + 4.0 * (mode - low) as f64 / span),
            beta: Gamma::new(1.0 + 4.0 * (high - mode) as f64 / span),
        }
    }

    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "the draw lies between low and high, whole numbers up to 10^15"
    )]
    fn sample(&self, rng: &mut Rng) -> u64 {
        if self.low == self.high {
            return self.mode;
        }
        let x = self.alpha.sample(rng);
        let y = self.beta.sample(rng);
        let fraction = x / (x + y);
        let value = self.low as f64 + (self.high - self.low) as f64 * fraction;
        (value.round() as u64).clamp(self.low, self.high)
    }
}

// ---- the simulation ------------------------------------------------------------------------

/// P10, P50 and P90 of a figure over the draws, by the nearest-rank method: P_k is the
/// ⌈k ÷ 100 × N⌉-th smallest of the N draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percentiles {
    /// 10 % of draws are at or below it.
    pub p10: f64,
    /// The median.
    pub p50: f64,
    /// 90 % of draws are at or below it.
    pub p90: f64,
}

impl Percentiles {
    /// Nearest-rank percentiles of sorted values (not empty).
    fn of_sorted(sorted: &[f64]) -> Self {
        let rank = |k: usize| {
            let index = (k * sorted.len()).div_ceil(100).max(1) - 1;
            sorted.get(index).copied().unwrap_or(0.0)
        };
        Self {
            p10: rank(10),
            p50: rank(50),
            p90: rank(90),
        }
    }
}

/// Counts of the lead-stage need in [`HISTOGRAM_BINS`] equal bins from the smallest draw to
/// the largest. Bin `k` holds `edges[k] ≤ need < edges[k + 1]`; the last bin includes its
/// upper edge. When every draw is the same, the bins span that value to one unit above it.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// `HISTOGRAM_BINS + 1` edges, ascending.
    pub edges: Vec<f64>,
    /// Draws per bin; they add up to the draws.
    pub counts: Vec<u32>,
}

impl Histogram {
    /// Bins sorted values (not empty).
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "bin indices are small and clamped"
    )]
    fn of_sorted(sorted: &[f64]) -> Self {
        let low = sorted.first().copied().unwrap_or(0.0);
        let high = sorted.last().copied().unwrap_or(0.0);
        let span = if high > low { high - low } else { 1.0 };
        let width = span / HISTOGRAM_BINS as f64;
        let edges = (0..=HISTOGRAM_BINS)
            .map(|k| {
                if k == HISTOGRAM_BINS {
                    low + span
                } else {
                    low + width * k as f64
                }
            })
            .collect();
        let mut counts = vec![0u32; HISTOGRAM_BINS];
        for &value in sorted {
            let bin = (((value - low) / width) as usize).min(HISTOGRAM_BINS - 1);
            counts[bin] += 1;
        }
        Self { edges, counts }
    }
}

/// What the draws say.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// How many draws were made.
    pub draws: u32,
    /// The stage marketing's need is counted at.
    pub lead_stage: usize,
    /// Marketing's lead-stage need, in whole units under the plan's rounding rule.
    pub need: Percentiles,
    /// The forecast revenue from the planned traffic (marketing-sourced deals × deal size).
    pub revenue: Percentiles,
    /// Draws in which the planned traffic reaches the new-business target.
    pub hits: u32,
    /// `hits` as a percentage of the draws (0 to 100).
    pub hit_percent: f64,
    /// The lead-stage need's distribution, for a chart.
    pub histogram: Histogram,
}

/// The outcome of one draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Marketing's lead-stage need, in whole units under the plan's rounding rule.
    pub need: f64,
    /// The forecast revenue from the planned traffic.
    pub revenue: f64,
    /// Whether the forecast reaches the new-business target.
    pub hit: bool,
}

/// Draws run so far, each in its own slot, so slices may run in any order.
#[derive(Clone, Debug, PartialEq)]
pub struct Accumulator {
    needs: Vec<f64>,
    revenues: Vec<f64>,
    hits: Vec<bool>,
    ran: Vec<bool>,
    left: u32,
}

impl Accumulator {
    /// Whether every draw has run.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.left == 0
    }

    /// How many draws have run.
    #[must_use]
    pub fn done(&self) -> u32 {
        u32::try_from(self.ran.len()).unwrap_or(u32::MAX) - self.left
    }
}

/// A simulation of one scenario, ready to run: every sampler's constants computed once.
#[derive(Clone, Debug)]
pub struct Simulation {
    draws: u32,
    lead_stage: usize,
    rounding: Rounding,
    target_cents: u64,
    share_ppm: u32,
    traffic: f64,
    /// One sampler per stage's rate (the top's is 100 %), in ppm.
    rates: Vec<Pert>,
    /// The deal size's sampler, in cents.
    deal: Pert,
}

impl Simulation {
    /// Prepares the simulation of a scenario: its ranges, its draws, its rounding rule.
    #[must_use]
    pub fn new(scenario: &Scenario) -> Self {
        let count = scenario.funnel.stage_count();
        let rates = (0..count)
            .map(|i| {
                let range = scenario.rate_range(i);
                let ppm = |r: Rate| u64::from(r.ppm());
                Pert::new(ppm(range.low()), ppm(range.mode()), ppm(range.high()))
            })
            .collect();
        let deal = scenario.deal_range();
        let cents = |m: Money| m.cents().max(1);
        Self {
            draws: scenario.uncertainty.draw_count().get(),
            lead_stage: scenario.costs.lead_stage_in(&scenario.funnel),
            rounding: scenario.rounding,
            target_cents: scenario.new_business_target().cents(),
            share_ppm: scenario.marketing_share.ppm(),
            traffic: scenario.traffic.units(),
            rates,
            deal: Pert::new(cents(deal.low()), cents(deal.mode()), cents(deal.high())),
        }
    }

    /// How many draws the simulation makes.
    #[must_use]
    pub fn draws(&self) -> u32 {
        self.draws
    }

    /// An accumulator with no draws run yet.
    #[must_use]
    pub fn accumulator(&self) -> Accumulator {
        let n = self.draws as usize;
        Accumulator {
            needs: vec![0.0; n],
            revenues: vec![0.0; n],
            hits: vec![false; n],
            ran: vec![false; n],
            left: self.draws,
        }
    }

    /// Runs draws `from` to `to` (not included) into `into`; draws past the count are
    /// ignored, and a draw run twice gives the same outcome again.
    pub fn run(&self, from: u32, to: u32, into: &mut Accumulator) {
        let mut rates = [0u32; super::stage::Funnel::MAX_STAGES];
        for index in from..to.min(self.draws) {
            let outcome = self.draw(index, &mut rates);
            let slot = index as usize;
            into.needs[slot] = outcome.need;
            into.revenues[slot] = outcome.revenue;
            into.hits[slot] = outcome.hit;
            if !into.ran[slot] {
                into.ran[slot] = true;
                into.left -= 1;
            }
        }
    }

    /// The figures of every draw; `None` until every draw has run.
    #[must_use]
    #[allow(
        clippy::cast_precision_loss,
        reason = "draw counts are at most 100,000"
    )]
    pub fn figures(&self, done: &Accumulator) -> Option<Figures> {
        if !done.is_complete() || done.needs.is_empty() {
            return None;
        }
        let mut needs = done.needs.clone();
        needs.sort_unstable_by(f64::total_cmp);
        let mut revenues = done.revenues.clone();
        revenues.sort_unstable_by(f64::total_cmp);
        let hits = u32::try_from(done.hits.iter().filter(|&&hit| hit).count()).unwrap_or(0);
        Some(Figures {
            draws: self.draws,
            lead_stage: self.lead_stage,
            need: Percentiles::of_sorted(&needs),
            revenue: Percentiles::of_sorted(&revenues),
            hits,
            hit_percent: f64::from(hits) * 100.0 / needs.len() as f64,
            histogram: Histogram::of_sorted(&needs),
        })
    }

    /// Runs every draw at once and returns the figures.
    #[must_use]
    pub fn run_all(&self) -> Figures {
        let mut done = self.accumulator();
        self.run(0, self.draws, &mut done);
        self.figures(&done)
            .unwrap_or_else(|| unreachable!("every draw has run"))
    }

    /// Draw `index`: samples every ranged value from the draw's own stream, then computes.
    fn draw(&self, index: u32, rates: &mut [u32; super::stage::Funnel::MAX_STAGES]) -> Outcome {
        let mut rng = Rng::for_draw(index);
        let count = self.rates.len();
        for (slot, pert) in rates.iter_mut().zip(&self.rates) {
            *slot = u32::try_from(pert.sample(&mut rng)).unwrap_or(1);
        }
        let deal = self.deal.sample(&mut rng);
        self.outcome(&rates[..count], deal)
    }

    /// The outcome for one set of rates (ppm, the top's 100 %) and deal size (cents), by the
    /// plan's own arithmetic.
    #[allow(
        clippy::cast_precision_loss,
        reason = "as the plan: counts above 2^53 are approximate"
    )]
    #[must_use]
    pub fn outcome(&self, rates_ppm: &[u32], deal_cents: u64) -> Outcome {
        let deal_cents = deal_cents.max(1);
        let lead = self.lead_stage.min(rates_ppm.len().saturating_sub(1));
        let need = match self.rounding {
            Rounding::Stage => stage_need(
                self.target_cents,
                deal_cents,
                self.share_ppm,
                rates_ppm,
                lead,
            ),
            Rounding::Exact => {
                // Floating point, unless the value is near a whole number, where the plan's
                // exact fractions decide the rounding.
                let mut value = self.target_cents as f64 / deal_cents as f64
                    * f64::from(self.share_ppm)
                    / 1e6;
                for &ppm in &rates_ppm[lead + 1..] {
                    value = value * 1e6 / f64::from(ppm);
                }
                let nearest = value.round();
                if (value - nearest).abs() <= 1e-6 * nearest.abs().max(1.0) {
                    plan::marketing_need(
                        self.target_cents,
                        deal_cents,
                        self.share_ppm,
                        rates_ppm,
                        Rounding::Exact,
                        lead,
                    )
                } else {
                    value.ceil()
                }
            }
        };
        // The forecast, as the plan computes it.
        let mut volume = self.traffic;
        for &ppm in rates_ppm {
            volume = volume * f64::from(ppm) / 1e6;
        }
        let deal_size = deal_cents as f64 / 100.0;
        let revenue = volume * deal_size;
        // The gap, as the plan computes it: the target − (forecast deals + sales-sourced
        // deals) × deal size, where sales sources the whole deals marketing does not.
        let deals = u128::from(self.target_cents).div_ceil(u128::from(deal_cents));
        let marketing_deals = match self.rounding {
            Rounding::Stage => (deals * u128::from(self.share_ppm)).div_ceil(u128::from(PPM)),
            Rounding::Exact => (u128::from(self.target_cents) * u128::from(self.share_ppm))
                .div_ceil(u128::from(deal_cents) * u128::from(PPM)),
        };
        let target = self.target_cents as f64 / 100.0;
        let gap = target - (volume + deals as f64 - marketing_deals as f64) * deal_size;
        Outcome {
            need,
            revenue,
            // Money is shown in whole units: a gap under half a unit meets the target.
            hit: gap < 0.5,
        }
    }
}

/// Marketing's lead-stage need under stage rounding, as the plan computes it: ⌈deals⌉,
/// ⌈× share⌉, then ⌈÷ rate⌉ stage by stage up to the lead stage, in whole numbers (floating
/// point past `u128`).
#[allow(
    clippy::cast_precision_loss,
    reason = "as the plan: counts above 2^53 are approximate"
)]
fn stage_need(target: u64, deal: u64, share_ppm: u32, rates_ppm: &[u32], lead: usize) -> f64 {
    let deals = u128::from(target.div_ceil(deal));
    let marketing = (deals * u128::from(share_ppm)).div_ceil(u128::from(PPM));
    let mut exact = Some(marketing);
    let mut approx = marketing as f64;
    for &ppm in rates_ppm[lead + 1..].iter().rev() {
        exact = exact
            .and_then(|below| below.checked_mul(u128::from(PPM)))
            .map(|scaled| scaled.div_ceil(u128::from(ppm)));
        approx = match exact {
            Some(value) => value as f64,
            None => (approx * 1e6 / f64::from(ppm)).ceil(),
        };
    }
    approx
}

/// Runs a scenario's whole simulation at once.
#[must_use]
pub fn simulate(scenario: &Scenario) -> Figures {
    Simulation::new(scenario).run_all()
}
