//! Conversion rates between funnel stages, held exactly in parts per million.

use super::number::{NumberError, NumberKind, parse_number};

/// Parts per million in 100 %.
const PPM_PER_WHOLE: u32 = 1_000_000;

/// The share of one stage's volume that reaches the next: above 0 % and at most 100 %.
///
/// Held exactly in parts per million, so 2.5 % is 25,000 ppm and a stage's need is computed
/// in whole-number arithmetic, matching the arithmetic a person does by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate {
    ppm: u32,
}

impl Rate {
    /// 100 %: every unit converts.
    pub const WHOLE: Self = Self { ppm: PPM_PER_WHOLE };

    /// Returns the rate of `ppm` parts per million, or `None` outside 1..=1,000,000.
    #[must_use]
    pub fn from_ppm(ppm: u32) -> Option<Self> {
        (1..=PPM_PER_WHOLE).contains(&ppm).then_some(Self { ppm })
    }

    /// Returns the rate in parts per million.
    #[must_use]
    pub fn ppm(self) -> u32 {
        self.ppm
    }

    /// Returns the rate as a fraction (2.5 % is 0.025).
    #[must_use]
    pub fn fraction(self) -> f64 {
        f64::from(self.ppm) / f64::from(PPM_PER_WHOLE)
    }

    /// Reads a percentage a user typed (`2.5`, `2.5%`), kept to four decimal places.
    ///
    /// # Errors
    /// Returns why the text is not a rate above 0 % and at most 100 %.
    pub fn parse_percent(text: &str) -> Result<Self, NumberError> {
        let decimal = parse_number(text, NumberKind::Percent).map_err(|error| match error {
            NumberError::TooLarge => NumberError::RateAboveHundred,
            other => other,
        })?;
        if decimal.digits == 0 {
            return Err(NumberError::RateZero);
        }
        // Percent to ppm is a factor of 10^4.
        let ppm = decimal.scaled(4).ok_or(NumberError::RateAboveHundred)?;
        if ppm > u128::from(PPM_PER_WHOLE) {
            return Err(NumberError::RateAboveHundred);
        }
        let ppm = u32::try_from(ppm).map_err(|_| NumberError::RateAboveHundred)?;
        Self::from_ppm(ppm).ok_or(NumberError::RateTooSmall)
    }

    /// Formats the rate as a percentage number without the sign, as links write it (`2.5`).
    #[must_use]
    pub fn percent_plain(self) -> String {
        ppm_percent_plain(self.ppm)
    }
}

/// Writes parts per million as a percentage number without the sign (`25000` → `2.5`).
#[must_use]
pub fn ppm_percent_plain(ppm: u32) -> String {
    let whole = ppm / 10_000;
    let rest = ppm % 10_000;
    if rest == 0 {
        whole.to_string()
    } else {
        let decimals = format!("{rest:04}");
        format!("{whole}.{}", decimals.trim_end_matches('0'))
    }
}

/// Reads a percentage as parts per million (four decimal places), from 0 to `max_ppm`.
///
/// # Errors
/// [`NumberError::AboveMax`] above `max_ppm`, or the parser's error.
pub fn parse_ppm(text: &str, max_ppm: u32) -> Result<u32, NumberError> {
    let above = || NumberError::AboveMax(format!("{} %", ppm_percent_plain(max_ppm)));
    let decimal = parse_number(text, NumberKind::Percent).map_err(|error| match error {
        NumberError::TooLarge => above(),
        other => other,
    })?;
    decimal
        .scaled(4)
        .and_then(|ppm| u32::try_from(ppm).ok())
        .filter(|&ppm| ppm <= max_ppm)
        .ok_or_else(above)
}

/// A share of a whole: 0 % to 100 % (the marketing-sourced share of deals, a channel's share
/// of leads). Unlike a [`Rate`], 0 % is meaningful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Share {
    ppm: u32,
}

impl Share {
    /// 100 %.
    pub const ALL: Self = Self { ppm: PPM_PER_WHOLE };
    /// 0 %.
    pub const NONE: Self = Self { ppm: 0 };

    /// Returns the share of `ppm` parts per million, or `None` above 1,000,000.
    #[must_use]
    pub fn from_ppm(ppm: u32) -> Option<Self> {
        (ppm <= PPM_PER_WHOLE).then_some(Self { ppm })
    }

    /// Returns the share in parts per million.
    #[must_use]
    pub fn ppm(self) -> u32 {
        self.ppm
    }

    /// Returns the share as a fraction (25 % is 0.25).
    #[must_use]
    pub fn fraction(self) -> f64 {
        f64::from(self.ppm) / f64::from(PPM_PER_WHOLE)
    }

    /// Reads a percentage from 0 to 100.
    ///
    /// # Errors
    /// Returns why the text is not a share.
    pub fn parse_percent(text: &str) -> Result<Self, NumberError> {
        parse_ppm(text, PPM_PER_WHOLE).map(|ppm| Self { ppm })
    }

    /// Formats the share as a percentage number without the sign (`25`).
    #[must_use]
    pub fn percent_plain(self) -> String {
        ppm_percent_plain(self.ppm)
    }
}

/// Expected quota attainment of a sales team: above 0 % and up to 200 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Attainment {
    ppm: u32,
}

impl Attainment {
    /// 100 %: every rep hits quota.
    pub const FULL: Self = Self { ppm: PPM_PER_WHOLE };
    /// Most accepted: 200 %.
    const MAX_PPM: u32 = 2 * PPM_PER_WHOLE;

    /// Returns the attainment as a fraction (80 % is 0.8).
    #[must_use]
    pub fn fraction(self) -> f64 {
        f64::from(self.ppm) / f64::from(PPM_PER_WHOLE)
    }

    /// Returns the attainment in parts per million.
    #[must_use]
    pub fn ppm(self) -> u32 {
        self.ppm
    }

    /// Reads a percentage above 0 and up to 200.
    ///
    /// # Errors
    /// Returns why the text is not an attainment.
    pub fn parse_percent(text: &str) -> Result<Self, NumberError> {
        match parse_ppm(text, Self::MAX_PPM)? {
            0 => Err(NumberError::Zero),
            ppm => Ok(Self { ppm }),
        }
    }

    /// Formats the attainment as a percentage number without the sign (`80`).
    #[must_use]
    pub fn percent_plain(self) -> String {
        ppm_percent_plain(self.ppm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_percentages_exactly() {
        let cases = [
            ("2", 20_000),
            ("2.5", 25_000),
            ("2.5%", 25_000),
            ("100", 1_000_000),
            ("0.0001", 1),
            ("33.33333", 333_333),
            ("12.34567", 123_457),
        ];
        for (text, ppm) in cases {
            assert_eq!(Rate::parse_percent(text).unwrap().ppm(), ppm, "{text}");
        }
    }

    #[test]
    fn rejects_rates_that_cannot_convert() {
        assert_eq!(Rate::parse_percent("0"), Err(NumberError::RateZero));
        assert_eq!(Rate::parse_percent("0%"), Err(NumberError::RateZero));
        assert_eq!(
            Rate::parse_percent("100.01"),
            Err(NumberError::RateAboveHundred)
        );
        assert_eq!(
            Rate::parse_percent("150"),
            Err(NumberError::RateAboveHundred)
        );
        assert_eq!(
            Rate::parse_percent("1e308"),
            Err(NumberError::RateAboveHundred)
        );
        assert_eq!(
            Rate::parse_percent("0.00001"),
            Err(NumberError::RateTooSmall)
        );
        assert_eq!(Rate::parse_percent("-5"), Err(NumberError::Negative));
        assert_eq!(Rate::parse_percent(""), Err(NumberError::Empty));
    }

    #[test]
    fn shares_allow_zero_and_attainment_allows_over_achievement() {
        assert_eq!(Share::parse_percent("0").unwrap(), Share::NONE);
        assert_eq!(Share::parse_percent("100%").unwrap(), Share::ALL);
        assert_eq!(Share::parse_percent("25").unwrap().ppm(), 250_000);
        assert_eq!(
            Share::parse_percent("100.5"),
            Err(NumberError::AboveMax("100 %".into()))
        );
        assert_eq!(Share::parse_percent("-1"), Err(NumberError::Negative));
        assert_eq!(Attainment::parse_percent("120").unwrap().ppm(), 1_200_000);
        assert_eq!(Attainment::parse_percent("0"), Err(NumberError::Zero));
        assert_eq!(
            Attainment::parse_percent("250"),
            Err(NumberError::AboveMax("200 %".into()))
        );
    }

    #[test]
    fn percent_plain_round_trips() {
        for ppm in [1, 10, 25_000, 333_333, 1_000_000, 200_000, 123_400] {
            let rate = Rate::from_ppm(ppm).unwrap();
            assert_eq!(Rate::parse_percent(&rate.percent_plain()), Ok(rate));
        }
        assert_eq!(Rate::from_ppm(25_000).unwrap().percent_plain(), "2.5");
        assert_eq!(Rate::from_ppm(0), None);
        assert_eq!(Rate::from_ppm(1_000_001), None);
    }
}
