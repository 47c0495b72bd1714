//! Amounts of money and volumes of units, with the bounds a plan can hold.

use super::format::group_thousands;
use super::number::{NumberError, NumberKind, parse_number};

/// Largest amount or volume any field accepts: ten trillion (10^13). In hundredths that is
/// 10^15, below 2^53, so every amount is exact as an `f64` and in stored JSON.
pub const MAX_WHOLE_UNITS: u64 = 10_000_000_000_000;

/// An amount of money, held exactly in hundredths (cents), from 0 to [`MAX_WHOLE_UNITS`].
///
/// No currency is implied: the planner's figures are in whatever currency the team uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    cents: u64,
}

impl Money {
    /// Returns the amount of `cents` hundredths, or `None` above [`MAX_WHOLE_UNITS`].
    #[must_use]
    pub fn from_cents(cents: u64) -> Option<Self> {
        (cents <= MAX_WHOLE_UNITS * 100).then_some(Self { cents })
    }

    /// Returns a whole amount, or `None` above [`MAX_WHOLE_UNITS`].
    #[must_use]
    pub fn from_units(units: u64) -> Option<Self> {
        Self::from_cents(units.checked_mul(100)?)
    }

    /// Returns the amount in hundredths.
    #[must_use]
    pub fn cents(self) -> u64 {
        self.cents
    }

    /// Returns the amount in whole units as a float, for arithmetic that is not exact anyway.
    #[must_use]
    #[allow(
        clippy::cast_precision_loss,
        reason = "exact below 2^53 cents, 90 trillion units"
    )]
    pub fn to_f64(self) -> f64 {
        self.cents as f64 / 100.0
    }

    /// Reads an amount a user typed (`1,000,000`, `$60k`, `1.2M`), to the cent.
    ///
    /// # Errors
    /// Returns why the text is not an amount from 0 to [`MAX_WHOLE_UNITS`].
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        parse_hundredths(text).map(|cents| Self { cents })
    }

    /// Reads an amount that must be above zero, such as a deal size.
    ///
    /// # Errors
    /// As [`Money::parse`], and [`NumberError::Zero`] for an amount under one cent.
    pub fn parse_positive(text: &str) -> Result<Self, NumberError> {
        let amount = Self::parse(text)?;
        if amount.cents == 0 {
            Err(NumberError::Zero)
        } else {
            Ok(amount)
        }
    }

    /// Formats the amount as a link writes it: plain digits, a point, no grouping (`1000000.5`).
    #[must_use]
    pub fn to_plain(self) -> String {
        hundredths_plain(self.cents)
    }

    /// Formats the amount for a person: grouped thousands, cents only when there are any.
    #[must_use]
    pub fn to_display(self) -> String {
        let (units, cents) = (self.cents / 100, self.cents % 100);
        let whole = group_thousands(&units.to_string());
        if cents == 0 {
            whole
        } else {
            format!("{whole}.{cents:02}")
        }
    }
}

/// A volume of units entering a stage (visitors, leads), held exactly in hundredths, from 0 to
/// [`MAX_WHOLE_UNITS`]. Fractions are allowed, since a plan may average over periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Volume {
    hundredths: u64,
}

impl Volume {
    /// Returns the volume of `hundredths` hundredths of a unit, or `None` above
    /// [`MAX_WHOLE_UNITS`].
    #[must_use]
    pub fn from_hundredths(hundredths: u64) -> Option<Self> {
        (hundredths <= MAX_WHOLE_UNITS * 100).then_some(Self { hundredths })
    }

    /// Returns a whole volume, or `None` above [`MAX_WHOLE_UNITS`].
    #[must_use]
    pub fn from_units(units: u64) -> Option<Self> {
        Self::from_hundredths(units.checked_mul(100)?)
    }

    /// Returns the number of units.
    #[must_use]
    #[allow(clippy::cast_precision_loss, reason = "exact below 2^53 hundredths")]
    pub fn units(self) -> f64 {
        self.hundredths as f64 / 100.0
    }

    /// Returns the volume in hundredths of a unit.
    #[must_use]
    pub fn hundredths(self) -> u64 {
        self.hundredths
    }

    /// Reads a volume a user typed (`200,000`, `1.5M`), to the hundredth.
    ///
    /// # Errors
    /// Returns why the text is not a volume from 0 to [`MAX_WHOLE_UNITS`].
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        parse_hundredths(text).map(|hundredths| Self { hundredths })
    }

    /// Formats the volume as a link writes it: plain digits, a point, no grouping.
    #[must_use]
    pub fn to_plain(self) -> String {
        hundredths_plain(self.hundredths)
    }

    /// Formats the volume for a person: grouped thousands, decimals only when there are any.
    #[must_use]
    pub fn to_display(self) -> String {
        group_thousands(&self.to_plain())
    }
}

/// Writes hundredths as plain decimal text without trailing zeros (`150` → `1.5`).
fn hundredths_plain(hundredths: u64) -> String {
    let (units, rest) = (hundredths / 100, hundredths % 100);
    match rest {
        0 => units.to_string(),
        r if r % 10 == 0 => format!("{units}.{}", r / 10),
        r => format!("{units}.{r:02}"),
    }
}

/// Reads typed text as hundredths, rounded half up, from 0 to [`MAX_WHOLE_UNITS`] whole units.
fn parse_hundredths(text: &str) -> Result<u64, NumberError> {
    let decimal = parse_number(text, NumberKind::Amount).map_err(over_max)?;
    // Never round what was typed: 1.999 is not 2.00.
    if !decimal.fits_places(2) {
        return Err(NumberError::TooPrecise(2));
    }
    decimal
        .scaled(2)
        .and_then(|hundredths| u64::try_from(hundredths).ok())
        .filter(|&hundredths| hundredths <= MAX_WHOLE_UNITS * 100)
        .ok_or_else(max_error)
}

/// The error for a value above [`MAX_WHOLE_UNITS`], with the bound spelled out.
fn max_error() -> NumberError {
    NumberError::AboveMax(group_thousands(&MAX_WHOLE_UNITS.to_string()))
}

/// Replaces the parser's bare "too large" with the field's actual bound.
fn over_max(error: NumberError) -> NumberError {
    match error {
        NumberError::TooLarge => max_error(),
        other => other,
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the arithmetic under test is exact")]
mod tests {
    use super::*;

    #[test]
    fn money_parses_exactly_to_cents() {
        assert_eq!(Money::parse("1,000,000").unwrap().cents(), 100_000_000);
        assert_eq!(Money::parse("0.1").unwrap().cents(), 10);
        assert_eq!(Money::parse("2.340").unwrap().cents(), 234);
        assert_eq!(Money::parse("1.5e-1").unwrap().cents(), 15);
        // Never rounded: what was typed is the value, or a message says why not.
        for text in ["2.345", "1.999", "0.005", "12.345"] {
            assert_eq!(
                Money::parse(text),
                Err(NumberError::TooPrecise(2)),
                "{text}"
            );
        }
        assert_eq!(
            NumberError::TooPrecise(2).to_string(),
            "Use at most 2 decimal places."
        );
        assert_eq!(Money::parse("1e-400"), Err(NumberError::TooSmall));
        assert_eq!(Money::parse("0e-400").unwrap().cents(), 0);
        assert_eq!(
            Money::parse("$60k").unwrap(),
            Money::from_units(60_000).unwrap()
        );
    }

    #[test]
    fn money_bounds_are_explained() {
        let max = "10,000,000,000,000".to_owned();
        assert_eq!(
            Money::parse("1e308"),
            Err(NumberError::AboveMax(max.clone()))
        );
        assert_eq!(Money::parse("2e13"), Err(NumberError::AboveMax(max)));
        assert!(Money::parse("1e13").is_ok());
        assert!(Money::parse("1e13").unwrap().to_f64() == 1e13);
        assert_eq!(Money::parse_positive("0"), Err(NumberError::Zero));
        assert_eq!(
            Money::parse_positive("0.001"),
            Err(NumberError::TooPrecise(2))
        );
        assert_eq!(Money::parse("-3"), Err(NumberError::Negative));
    }

    #[test]
    fn money_formats_plain_and_for_display() {
        let cases = [
            ("1000000", "1000000", "1,000,000"),
            ("1000000.5", "1000000.5", "1,000,000.50"),
            ("12.05", "12.05", "12.05"),
            ("0", "0", "0"),
        ];
        for (text, plain, display) in cases {
            let money = Money::parse(text).unwrap();
            assert_eq!(money.to_plain(), plain);
            assert_eq!(money.to_display(), display);
            assert_eq!(
                Money::parse(&money.to_plain()),
                Ok(money),
                "round trip {text}"
            );
        }
    }

    #[test]
    fn volume_accepts_fractions_and_rejects_what_is_not_a_volume() {
        assert_eq!(Volume::parse("200,000").unwrap().units(), 200_000.0);
        assert_eq!(Volume::parse("12.5").unwrap().units(), 12.5);
        assert_eq!(
            Volume::parse("123,456.5").unwrap().to_display(),
            "123,456.5"
        );
        assert_eq!(Volume::parse("0.004"), Err(NumberError::TooPrecise(2)));
        assert!(Volume::parse("-1").is_err());
        assert!(Volume::parse("1e308").is_err());
        assert!(Volume::from_units(MAX_WHOLE_UNITS + 1).is_none());
    }
}
