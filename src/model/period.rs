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

/// Earliest year a plan may start in.
pub const FIRST_YEAR: i32 = 2000;

/// Latest year a plan may start in.
pub const LAST_YEAR: i32 = 2199;

/// Highest month index calendar arithmetic reaches: December 9999, the last month with a
/// four-digit year.
const MAX_INDEX: i32 = 9999 * 12 + 11;

/// A calendar month.
///
/// Months made by [`YearMonth::new`] and [`YearMonth::parse`] (a plan's first month, today)
/// lie in the years [`FIRST_YEAR`] to [`LAST_YEAR`]. Months reached by
/// [`YearMonth::add_months`] (lead-time months, a period's last month) may lie outside them,
/// down to January of year 0 and up to December 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Months since January of year 0: `year * 12 + month - 1`, from 0 to [`MAX_INDEX`].
    index: i32,
}

/// Why a text is not a plan's first month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MonthError {
    /// Not one of the accepted forms (`2027-01`, `Jan 2027`, `Q1 2027`, …).
    Format,
    /// A year outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
    Year,
    /// A month number outside 1..=12.
    Month,
    /// A quarter outside Q1..=Q4.
    Quarter,
}

impl fmt::Display for MonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Format => f.write_str(
                "Write the month as 2027-01, Jan 2027 or Q1 2027 (a quarter starts in its first \
                 month).",
            ),
            Self::Year => write!(f, "Use a year from {FIRST_YEAR} to {LAST_YEAR}."),
            Self::Month => f.write_str("Use a month from 1 to 12."),
            Self::Quarter => f.write_str("Use a quarter from Q1 to Q4."),
        }
    }
}

impl std::error::Error for MonthError {}

/// Three-letter month names, January first.
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Full month names in lower case, January first.
const FULL_MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// One part of a typed month: a four-digit year, a month number, a month name or a quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// Four ASCII digits.
    Year(i32),
    /// One or two ASCII digits.
    Number(u32),
    /// A month's name, full or three letters (any case); 1 = January.
    Name(u32),
    /// `Q` and one digit (any case).
    Quarter(u32),
}

impl Part {
    /// Reads one part, or `None` for anything else.
    fn read(text: &str) -> Option<Self> {
        let digits = |text: &str| {
            text.bytes()
                .try_fold(0u32, |value, b| {
                    b.is_ascii_digit()
                        .then(|| value.checked_mul(10)?.checked_add(u32::from(b - b'0')))
                        .flatten()
                })
                .filter(|_| !text.is_empty())
        };
        let lower = text.to_ascii_lowercase();
        if let Some(quarter) = lower.strip_prefix('q') {
            return (quarter.len() == 1)
                .then(|| digits(quarter))
                .flatten()
                .map(Self::Quarter);
        }
        match lower.len() {
            4 if lower.bytes().all(|b| b.is_ascii_digit()) => {
                digits(&lower).and_then(|year| i32::try_from(year).ok().map(Self::Year))
            }
            1 | 2 => digits(&lower).map(Self::Number),
            _ => (1u32..)
                .zip(FULL_MONTH_NAMES)
                .find(|&(month, full)| {
                    lower == full || lower == full[..3] || (month == 9 && lower == "sept")
                })
                .map(|(month, _)| Self::Name(month)),
        }
    }
}

impl YearMonth {
    /// Returns the month, or `None` outside the years [`FIRST_YEAR`]..=[`LAST_YEAR`] or the
    /// months 1..=12.
    #[must_use]
    pub fn new(year: i32, month: u32) -> Option<Self> {
        let month = i32::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        (FIRST_YEAR..=LAST_YEAR).contains(&year).then(|| Self {
            index: year * 12 + month - 1,
        })
    }

    /// Reads a plan's first month, in any case: `2027-01`, `2027-1`, `Jan 2027`,
    /// `January 2027`, or a quarter's first month as `Q1 2027`, `2027 Q1` or `2027-Q1`.
    ///
    /// # Errors
    /// Returns a [`MonthError`] for any other text, or a year, month or quarter out of range.
    pub fn parse(text: &str) -> Result<Self, MonthError> {
        let mut words = text.split_whitespace();
        let (first, second, hyphen) = match (words.next(), words.next(), words.next()) {
            (Some(first), Some(second), None) => (first, second, false),
            (Some(only), None, None) => {
                let (first, second) = only.split_once('-').ok_or(MonthError::Format)?;
                (first, second, true)
            }
            _ => return Err(MonthError::Format),
        };
        let (year, month) = match (Part::read(first), Part::read(second)) {
            (Some(Part::Year(year)), Some(Part::Number(month))) if hyphen => (year, month),
            (Some(Part::Name(month)), Some(Part::Year(year))) => (year, month),
            (Some(Part::Quarter(quarter)), Some(Part::Year(year)))
            | (Some(Part::Year(year)), Some(Part::Quarter(quarter))) => {
                if !(1..=4).contains(&quarter) {
                    return Err(MonthError::Quarter);
                }
                (year, quarter * 3 - 2)
            }
            _ => return Err(MonthError::Format),
        };
        if !(1..=12).contains(&month) {
            return Err(MonthError::Month);
        }
        Self::new(year, month).ok_or(MonthError::Year)
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

    /// Returns the month `count` months later (earlier when negative), or `None` before
    /// January of year 0 or after December 9999.
    #[must_use]
    pub fn add_months(self, count: i32) -> Option<Self> {
        self.index
            .checked_add(count)
            .filter(|index| (0..=MAX_INDEX).contains(index))
            .map(|index| Self { index })
    }

    /// Returns how many months `later` is after `self` (negative when it is before).
    #[must_use]
    pub fn months_until(self, later: Self) -> i32 {
        // Both indexes lie in 0..=MAX_INDEX, so the difference cannot overflow.
        later.index.saturating_sub(self.index)
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
        // `back` is at most the month within the year, so the index stays at or above 0.
        Self {
            index: self.index.saturating_sub(back),
        }
    }

    /// Returns the first month of the next period of this kind that has not started, when
    /// `self` is the current month: next month, the next calendar quarter, or next January.
    /// A plan starting there must lie within [`LAST_YEAR`]; in that year's last period, the
    /// current period's first month is returned instead.
    #[must_use]
    pub fn next_period_start(self, period: Period) -> Self {
        let current = self.period_start(period);
        current
            .add_months(i32::try_from(period.months()).unwrap_or(12))
            .filter(|next| next.year() <= LAST_YEAR)
            .unwrap_or(current)
    }

    /// Returns the first month to use after the period changes from `from` to `to`, in month
    /// `today`: while `self` is still the default for `from` (see
    /// [`YearMonth::next_period_start`]) it moves to the default for `to`; a first month chosen
    /// by the user stays.
    #[must_use]
    pub fn follow_period(self, from: Period, to: Period, today: Self) -> Self {
        if self == today.next_period_start(from) {
            today.next_period_start(to)
        } else {
            self
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
        assert_eq!(ym("2026-11").add_months(2), Some(ym("2027-01")));
        assert_eq!(ym("2027-01").add_months(-3), Some(ym("2026-10")));
        assert_eq!(ym("2027-01").add_months(-25), Some(ym("2024-12")));
        assert_eq!(ym("2026-10").months_until(ym("2027-01")), 3);
        assert_eq!(ym("2027-01").months_until(ym("2026-10")), -3);
        assert_eq!(ym("2027-03").label(), "Mar 2027");
    }

    #[test]
    fn calendar_arithmetic_is_right_beyond_the_plan_years() {
        // A year plan starting 2199-12 runs to 2200-11; ten years of lead time before
        // 2000-01 reach back to 1990-01. Neither is clamped.
        let late = ym("2199-12");
        let labels: Vec<String> = (0..12)
            .map(|k| late.add_months(k).unwrap().to_string())
            .collect();
        assert_eq!(labels.first().unwrap(), "2199-12");
        assert_eq!(labels[1], "2200-01");
        assert_eq!(labels.last().unwrap(), "2200-11");
        let early = ym("2000-01");
        assert_eq!(early.add_months(-120).unwrap().to_string(), "1990-01");
        assert_eq!(early.add_months(-12).unwrap().to_string(), "1999-01");
        assert_eq!(early.add_months(-1).unwrap().label(), "Dec 1999");
        // Past year 0 or year 9999 there is no month, rather than a wrong one.
        assert_eq!(early.add_months(-2000 * 12 - 1), None);
        assert_eq!(early.add_months(-2000 * 12).unwrap().to_string(), "0000-01");
        assert_eq!(
            early.add_months(8000 * 12 - 1).unwrap().to_string(),
            "9999-12"
        );
        assert_eq!(early.add_months(8000 * 12), None);
        assert_eq!(early.add_months(i32::MAX), None);
        assert_eq!(early.add_months(i32::MIN), None);
    }

    #[test]
    fn the_next_period_that_has_not_started() {
        // On 2026-11-23: a quarter is 2027-01 to 2027-03, a month 2026-12, a year 2027.
        let today = ym("2026-11");
        assert_eq!(today.next_period_start(Period::Quarter), ym("2027-01"));
        assert_eq!(today.next_period_start(Period::Month), ym("2026-12"));
        assert_eq!(today.next_period_start(Period::Year), ym("2027-01"));
        // On the first day of a quarter that quarter has started: the next one is the default.
        assert_eq!(
            ym("2026-10").next_period_start(Period::Quarter),
            ym("2027-01")
        );
        assert_eq!(
            ym("2026-03").next_period_start(Period::Quarter),
            ym("2026-04")
        );
        assert_eq!(
            ym("2026-12").next_period_start(Period::Month),
            ym("2027-01")
        );
        // A plan cannot start after 2199: in its last period the current one is used.
        assert_eq!(ym("2199-11").next_period_start(Period::Year), ym("2199-01"));
        assert_eq!(
            ym("2199-11").next_period_start(Period::Month),
            ym("2199-12")
        );
    }

    #[test]
    fn a_default_first_month_follows_the_period_and_a_chosen_one_stays() {
        let today = ym("2026-11");
        let default = ym("2027-01");
        assert_eq!(
            default.follow_period(Period::Quarter, Period::Month, today),
            ym("2026-12")
        );
        assert_eq!(
            ym("2026-12").follow_period(Period::Month, Period::Year, today),
            ym("2027-01")
        );
        let chosen = ym("2027-04");
        assert_eq!(
            chosen.follow_period(Period::Quarter, Period::Month, today),
            chosen
        );
    }

    #[test]
    fn period_start_is_the_month_quarter_or_january() {
        assert_eq!(ym("2026-11").period_start(Period::Month), ym("2026-11"));
        assert_eq!(ym("2026-11").period_start(Period::Quarter), ym("2026-10"));
        assert_eq!(ym("2026-03").period_start(Period::Quarter), ym("2026-01"));
        assert_eq!(ym("2026-11").period_start(Period::Year), ym("2026-01"));
    }

    #[test]
    fn first_months_are_read_in_every_documented_form() {
        let cases = [
            ("2027-01", "2027-01"),
            ("2027-1", "2027-01"),
            ("  2027-12 ", "2027-12"),
            ("Jan 2027", "2027-01"),
            ("jan 2027", "2027-01"),
            ("JANUARY 2027", "2027-01"),
            ("January  2027", "2027-01"),
            ("Sep 2027", "2027-09"),
            ("Sept 2027", "2027-09"),
            ("september 2027", "2027-09"),
            ("Q1 2027", "2027-01"),
            ("q2 2027", "2027-04"),
            ("2027 Q3", "2027-07"),
            ("2027-Q4", "2027-10"),
            ("2027-q1", "2027-01"),
            ("2000-01", "2000-01"),
            ("2199-12", "2199-12"),
        ];
        for (text, expected) in cases {
            assert_eq!(
                YearMonth::parse(text).map(|m| m.to_string()),
                Ok(expected.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn bad_months_are_explained() {
        let cases = [
            ("2027-13", MonthError::Month),
            ("2027-0", MonthError::Month),
            ("1999-12", MonthError::Year),
            ("2200-01", MonthError::Year),
            ("1970-01", MonthError::Year),
            ("9999-12", MonthError::Year),
            ("Q5 2027", MonthError::Quarter),
            ("2027-Q0", MonthError::Quarter),
            ("Jan 1999", MonthError::Year),
            ("", MonthError::Format),
            ("2027", MonthError::Format),
            ("2027 1", MonthError::Format),
            ("Janu 2027", MonthError::Format),
            ("2027-001", MonthError::Format),
            ("+027-01", MonthError::Format),
            ("27-01", MonthError::Format),
            ("2027-01-05", MonthError::Format),
            ("Q1 2027 Q2", MonthError::Format),
            ("Q12 2027", MonthError::Format),
            ("2027/01", MonthError::Format),
        ];
        for (text, expected) in cases {
            assert_eq!(YearMonth::parse(text), Err(expected), "{text:?}");
        }
        assert_eq!(
            MonthError::Year.to_string(),
            "Use a year from 2000 to 2199."
        );
        assert!(
            MonthError::Format
                .to_string()
                .contains("2027-01, Jan 2027 or Q1 2027")
        );
    }

    #[test]
    fn months_are_made_only_within_the_plan_years() {
        assert_eq!(YearMonth::new(2000, 1), Some(ym("2000-01")));
        assert_eq!(YearMonth::new(1999, 12), None);
        assert_eq!(YearMonth::new(2200, 1), None);
        assert_eq!(YearMonth::new(2027, 0), None);
        assert_eq!(YearMonth::new(2027, 13), None);
    }
}
