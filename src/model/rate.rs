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
        let whole = self.ppm / 10_000;
        let rest = self.ppm % 10_000;
        if rest == 0 {
            whole.to_string()
        } else {
            let decimals = format!("{rest:04}");
            format!("{whole}.{}", decimals.trim_end_matches('0'))
        }
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
