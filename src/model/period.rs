//! The planning period (month, quarter, year) and calendar months.

use std::fmt;

/// The period the quota is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Period {
    /// One calendar month.
    Month,
    /// Three months.
    #[default]
    Quarter,
    /// Twelve months.
    Year,
}

impl Period {
    /// Every period, in the order a menu lists them.
    pub const ALL: [Self; 3] = [Self::Month, Self::Quarter, Self::Year];

    /// Returns the name links use: `month`, `quarter` or `year`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }

    /// Reads a name links use, or `None` for any other text.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|period| period.as_str() == name)
    }

    /// Returns how many months the period has.
    #[must_use]
    pub fn months(self) -> u32 {
        match self {
            Self::Month => 1,
            Self::Quarter => 3,
            Self::Year => 12,
        }
    }

    /// Returns the weeks in the period as a fraction `(numerator, denominator)`:
    /// 52/12 for a month, 13 for a quarter, 52 for a year.
    #[must_use]
    pub fn weeks(self) -> (u64, u64) {
        match self {
            Self::Month => (13, 3),
            Self::Quarter => (13, 1),
            Self::Year => (52, 1),
        }
    }

    /// Returns a label for a menu.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Month => "Month",
            Self::Quarter => "Quarter",
            Self::Year => "Year",
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar month, from 1970-01 to 9999-12.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Months since January of year 0: `year * 12 + month - 1`.
    index: i32,
}

/// Why a text is not a calendar month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MonthError {
    /// Not of the form `YYYY-MM`.
    Format,
    /// A year outside 1970..=9999 or a month outside 01..=12.
    OutOfRange,
}

impl fmt::Display for MonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Format => f.write_str("Write the month as YYYY-MM, for example 2027-01."),
            Self::OutOfRange => {
                f.write_str("Use a year from 1970 to 9999 and a month from 01 to 12.")
            }
        }
    }
}

impl std::error::Error for MonthError {}

/// Three-letter month names, January first.
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl YearMonth {
    /// Returns the month, or `None` outside 1970-01..=9999-12.
    #[must_use]
    pub fn new(year: i32, month: u32) -> Option<Self> {
        let month = i32::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        (1970..=9999).contains(&year).then_some(Self {
            index: year * 12 + month - 1,
        })
    }

    /// Reads `YYYY-MM`.
    ///
    /// # Errors
    /// Returns a [`MonthError`] for any other text or an out-of-range month.
    pub fn parse(text: &str) -> Result<Self, MonthError> {
        let (year, month) = text.trim().split_once('-').ok_or(MonthError::Format)?;
        let digits = |part: &str, len: usize| {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        let year = digits(year, 4).ok_or(MonthError::Format)?;
        let month = digits(month, 2).ok_or(MonthError::Format)?;
        let year = i32::try_from(year).map_err(|_| MonthError::OutOfRange)?;
        Self::new(year, month).ok_or(MonthError::OutOfRange)
    }

    /// Returns the year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.index.div_euclid(12)
    }

    /// Returns the month, 1 = January.
    #[must_use]
    pub fn month(self) -> u32 {
        self.index.rem_euclid(12).unsigned_abs() + 1
    }

    /// Returns the month `count` months later (earlier when negative), staying within range.
    #[must_use]
    pub fn add_months(self, count: i32) -> Self {
        let lowest = 1970 * 12;
        let highest = 9999 * 12 + 11;
        Self {
            index: self.index.saturating_add(count).clamp(lowest, highest),
        }
    }

    /// Returns how many months `later` is after `self`.
    #[must_use]
    pub fn months_until(self, later: Self) -> i32 {
        later.index - self.index
    }

    /// Returns the first month of the period of this kind that contains this month: the month
    /// itself, the start of its calendar quarter, or January.
    #[must_use]
    pub fn period_start(self, period: Period) -> Self {
        let month0 = self.index.rem_euclid(12);
        let back = match period {
            Period::Month => 0,
            Period::Quarter => month0 % 3,
            Period::Year => month0,
        };
        Self {
            index: self.index - back,
        }
    }

    /// Returns the month's short name (`Jan`).
    #[must_use]
    pub fn short_name(self) -> &'static str {
        MONTH_NAMES[usize::try_from(self.index.rem_euclid(12)).unwrap_or(0)]
    }

    /// Returns the month as `Mon YYYY` (`Jan 2027`).
    #[must_use]
    pub fn label(self) -> String {
        format!("{} {}", self.short_name(), self.year())
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(text: &str) -> YearMonth {
        YearMonth::parse(text).unwrap()
    }

    #[test]
    fn periods_have_months_and_weeks() {
        assert_eq!(Period::Month.months(), 1);
        assert_eq!(Period::Quarter.months(), 3);
        assert_eq!(Period::Year.months(), 12);
        assert_eq!(Period::Month.weeks(), (13, 3));
        assert_eq!(Period::default(), Period::Quarter);
        for period in Period::ALL {
            assert_eq!(Period::from_name(period.as_str()), Some(period));
        }
        assert_eq!(Period::from_name("week"), None);
    }

    #[test]
    fn months_parse_print_and_step_across_year_ends() {
        assert_eq!(ym("2027-01").to_string(), "2027-01");
        assert_eq!(ym("2026-11").add_months(2).to_string(), "2027-01");
        assert_eq!(ym("2027-01").add_months(-3).to_string(), "2026-10");
        assert_eq!(ym("2027-01").add_months(-25).to_string(), "2024-12");
        assert_eq!(ym("2026-10").months_until(ym("2027-01")), 3);
        assert_eq!(ym("2027-03").label(), "Mar 2027");
        assert_eq!(ym("1970-01").add_months(-5), ym("1970-01"));
    }

    #[test]
    fn period_start_is_the_month_quarter_or_january() {
        assert_eq!(ym("2026-11").period_start(Period::Month), ym("2026-11"));
        assert_eq!(ym("2026-11").period_start(Period::Quarter), ym("2026-10"));
        assert_eq!(ym("2026-03").period_start(Period::Quarter), ym("2026-01"));
        assert_eq!(ym("2026-11").period_start(Period::Year), ym("2026-01"));
    }

    #[test]
    fn bad_months_are_explained() {
        assert_eq!(YearMonth::parse("2027-13"), Err(MonthError::OutOfRange));
        assert_eq!(YearMonth::parse("1969-12"), Err(MonthError::OutOfRange));
        assert_eq!(YearMonth::parse("2027-1"), Err(MonthError::Format));
        assert_eq!(YearMonth::parse("Jan 2027"), Err(MonthError::Format));
        assert_eq!(YearMonth::parse("+027-01"), Err(MonthError::Format));
        assert_eq!(YearMonth::parse(""), Err(MonthError::Format));
    }
}
