//! Reading the numbers a planner types: `1,000,000`, `1000000`, `2.5`, `2.5%`, `$60k`, `1.2M`.
//!
//! Parsing is exact: the text becomes a [`Decimal`] (an integer and a count of decimal places),
//! so `2.5` percent is exactly 25,000 parts per million and `0.1` is never `0.1000000000000000055`.
//! Every way the text can be wrong is a [`NumberError`] with a message fit to show a user.

use std::fmt;

/// Longest text accepted in a number field; anything longer is certainly not a plan figure.
const MAX_TEXT_CHARS: usize = 60;

/// What the text is meant to be, which decides the suffixes it may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// An amount or a count: may carry a currency sign and a `k`, `M` or `B` multiplier.
    Amount,
    /// A percentage: may end in `%`.
    Percent,
}

/// A non-negative decimal number held exactly: `digits / 10^places`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    /// All the significant digits as one integer.
    pub digits: u128,
    /// How many of those digits stand after the decimal point.
    pub places: u32,
}

/// Why a text is not an acceptable number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number at all; holds the text as typed (shortened if long).
    NotANumber(String),
    /// The number is below zero.
    Negative,
    /// Commas were used other than to separate thousands.
    BadGrouping,
    /// A percent sign on a field that holds an amount.
    PercentNotAllowed,
    /// More digits than any plan figure has, or an exponent that makes it enormous.
    TooLarge,
    /// Larger than the field allows; holds the largest value, formatted for display.
    AboveMax(String),
    /// Smaller than the field allows; holds the smallest value, formatted for display.
    BelowMin(String),
    /// Zero where only a positive value makes sense (a deal size).
    Zero,
    /// A conversion rate of zero: nothing would ever convert.
    RateZero,
    /// A conversion rate above 100 %.
    RateAboveHundred,
    /// A positive conversion rate below the smallest one a plan can hold (0.0001 %).
    RateTooSmall,
    /// A fraction where only whole numbers make sense (days, hours).
    NotWhole,
    /// More decimal places than the value is held to (amounts and volumes: hundredths);
    /// holds how many places are allowed.
    TooPrecise(u32),
    /// A non-zero number too small for any plan figure (`1e-400`).
    TooSmall,
    /// In a locale that writes decimals with a comma, text that reads two ways (`1,000` or
    /// `1.000`: one, or a thousand); holds the text.
    Ambiguous(String),
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter a number."),
            Self::NotANumber(text) => write!(f, "\u{201c}{text}\u{201d} is not a number."),
            Self::Negative => f.write_str("Must not be negative."),
            Self::BadGrouping => f.write_str(
                "Commas separate thousands (1,000,000); use a point for decimals (2.5).",
            ),
            Self::PercentNotAllowed => f.write_str("This is an amount, not a percentage."),
            Self::TooLarge => f.write_str("Too large."),
            Self::AboveMax(max) => write!(f, "Too large: at most {max}."),
            Self::BelowMin(min) => write!(f, "Too small: at least {min}."),
            Self::Zero => f.write_str("Must be more than 0."),
            Self::RateZero => {
                f.write_str("A conversion rate must be above 0 %: at 0 % nothing converts.")
            }
            Self::RateAboveHundred => f.write_str("A conversion rate cannot be above 100 %."),
            Self::RateTooSmall => f.write_str("The smallest conversion rate is 0.0001 %."),
            Self::NotWhole => f.write_str("Use a whole number."),
            Self::TooPrecise(places) => write!(f, "Use at most {places} decimal places."),
            Self::TooSmall => f.write_str("Too small: use 0 or a larger number."),
            Self::Ambiguous(text) => write!(
                f,
                "\u{201c}{text}\u{201d} reads two ways: write 1000 for a thousand, or 1,5 for \
                 one and a half."
            ),
        }
    }
}

impl std::error::Error for NumberError {}

impl Decimal {
    /// Whether the value is held exactly with `places` decimal places (`1.50` with 2, not
    /// `1.999`).
    #[must_use]
    pub fn fits_places(self, places: u32) -> bool {
        self.places <= places
            || 10u128
                .checked_pow(self.places - places)
                .is_none_or(|unit| self.digits.is_multiple_of(unit))
    }

    /// Returns the value multiplied by `10^scale` and rounded half up to a whole number,
    /// or `None` when that does not fit in a `u128`.
    #[must_use]
    pub fn scaled(self, scale: u32) -> Option<u128> {
        if scale >= self.places {
            let factor = 10u128.checked_pow(scale - self.places)?;
            self.digits.checked_mul(factor)
        } else {
            let drop = self.places - scale;
            let Some(divisor) = 10u128.checked_pow(drop) else {
                return Some(0);
            };
            let whole = self.digits.checked_div(divisor)?;
            let rest = self.digits.checked_rem(divisor)?;
            // Round half up: `rest >= divisor - rest` is `2 × rest >= divisor` without overflow.
            whole.checked_add(u128::from(rest >= divisor - rest))
        }
    }
}

/// Parses a number as a planner types it.
///
/// Accepted: optional currency sign (`$ € £ ¥`) for amounts, digits grouped by commas or
/// spaces in threes, a decimal point, an exponent (`1e6`), and a suffix: `%` for percentages,
/// `k`, `M`/`m`, `B`/`bn` (thousand, million, billion) for amounts.
///
/// # Errors
/// Returns a [`NumberError`] saying what is wrong with the text.
pub fn parse_number(text: &str, kind: NumberKind) -> Result<Decimal, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    if trimmed.chars().count() > MAX_TEXT_CHARS {
        let numeric = trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || ",. ".contains(c));
        return Err(if numeric {
            NumberError::TooLarge
        } else {
            NumberError::NotANumber(shorten(trimmed))
        });
    }
    let not_a_number = || NumberError::NotANumber(shorten(trimmed));

    let (negative, rest) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let mut body = rest.trim();
    let mut multiplier_places: u32 = 0;
    match kind {
        NumberKind::Amount => {
            if body.ends_with('%') {
                return Err(NumberError::PercentNotAllowed);
            }
            body = body
                .strip_prefix(['$', '\u{20ac}', '\u{a3}', '\u{a5}'])
                .unwrap_or(body)
                .trim();
            let lower = body.to_ascii_lowercase();
            for (suffix, places) in [("bn", 9), ("k", 3), ("m", 6), ("b", 9)] {
                if lower.ends_with(suffix) {
                    body = body[..body.len() - suffix.len()].trim_end();
                    multiplier_places = places;
                    break;
                }
            }
        }
        NumberKind::Percent => {
            body = body.strip_suffix('%').unwrap_or(body).trim_end();
        }
    }
    let decimal = parse_plain(body).ok_or_else(|| {
        if looks_like_misgrouped(body) {
            NumberError::BadGrouping
        } else {
            not_a_number()
        }
    })??;
    if negative && decimal.digits != 0 {
        return Err(NumberError::Negative);
    }
    shift(decimal, i64::from(multiplier_places))
}

/// Shortens text quoted back to the user, so a pasted essay does not fill the screen.
fn shorten(text: &str) -> String {
    const KEEP: usize = 24;
    if text.chars().count() <= KEEP {
        text.to_owned()
    } else {
        let head: String = text.chars().take(KEEP).collect();
        format!("{head}\u{2026}")
    }
}

/// Whether text that failed to parse looks like a number with misused commas (`2,5`).
fn looks_like_misgrouped(body: &str) -> bool {
    body.contains(',')
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' '))
        && body.chars().any(|c| c.is_ascii_digit())
}

/// How the person typing writes numbers: the browser's locale decides it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumberLocale {
    /// A point for decimals, commas for thousands (`1,000.5`): English and most of Asia.
    #[default]
    DecimalPoint,
    /// A comma for decimals, points or spaces for thousands (`1.000,5`): most of Europe and
    /// Latin America.
    DecimalComma,
}

/// Writes a number shown in the planner's own notation (`1,000,000.5`) as a person in `locale`
/// would type it, so it reads back unchanged: with a decimal comma, without grouping
/// (`1000000,5`), since a grouping point or comma would read as decimals there.
#[must_use]
pub fn typed_in(text: &str, locale: NumberLocale) -> String {
    match locale {
        NumberLocale::DecimalPoint => text.to_owned(),
        NumberLocale::DecimalComma => text.replace(',', "").replace('.', ","),
    }
}

/// Rewrites typed text in the planner's own notation (a point for decimals) when the locale
/// writes a decimal comma and the text can only mean one thing: `2,5` → `2.5`, `1.000.000,5`
/// → `1000000.5`, `12,25 %` → `12.25 %`. Text that reads two ways in such a locale (`1,000`,
/// `1.000`) is refused; anything else is left for the parser, so `1,000,000` (commas can only
/// group there) and `2.5` still read as everywhere.
///
/// # Errors
/// Returns [`NumberError::Ambiguous`] for text that reads two ways.
pub fn normalize_typed(text: &str, locale: NumberLocale) -> Result<String, NumberError> {
    if locale == NumberLocale::DecimalPoint {
        return Ok(text.to_owned());
    }
    let digits_after = |part: &str| part.chars().take_while(char::is_ascii_digit).count();
    // Three digits after one separator read as a thousand only when the digits before it can
    // be the first group: `1,000` reads two ways, `12345,678` only one.
    let first_group =
        |part: &str| (1..=3).contains(&part.chars().filter(char::is_ascii_digit).count());
    let commas = text.matches(',').count();
    let points = text.matches('.').count();
    match (commas, points) {
        (1, _) => {
            let (whole, fraction) = text.split_once(',').unwrap_or((text, ""));
            if points == 0 && digits_after(fraction) == 3 && first_group(whole) {
                return Err(NumberError::Ambiguous(shorten(text.trim())));
            }
            // Points before the comma group thousands; the parser checks the groups.
            Ok(format!("{}.{fraction}", whole.replace('.', ",")))
        }
        (0, 1) => {
            let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
            if digits_after(fraction) == 3 && first_group(whole) {
                Err(NumberError::Ambiguous(shorten(text.trim())))
            } else {
                Ok(text.to_owned())
            }
        }
        // Several points and no comma can only group thousands.
        (0, _) => Ok(text.replace('.', ",")),
        _ => Ok(text.to_owned()),
    }
}

/// Multiplies by `10^by` (or divides for negative `by`), keeping the value exact.
fn shift(decimal: Decimal, by: i64) -> Result<Decimal, NumberError> {
    let places = i64::from(decimal.places) - by;
    if places >= 0 {
        let places = u32::try_from(places).map_err(|_| NumberError::TooLarge)?;
        if places > 38 {
            // Smaller than anything a plan uses; zero stays zero.
            return if decimal.digits == 0 {
                Ok(Decimal {
                    digits: 0,
                    places: 0,
                })
            } else {
                Err(NumberError::TooSmall)
            };
        }
        Ok(Decimal {
            digits: decimal.digits,
            places,
        })
    } else {
        let up = u32::try_from(-places).map_err(|_| NumberError::TooLarge)?;
        let digits = 10u128
            .checked_pow(up)
            .and_then(|factor| decimal.digits.checked_mul(factor))
            .ok_or(NumberError::TooLarge)?;
        Ok(Decimal { digits, places: 0 })
    }
}

/// Parses digits with optional thousands grouping, decimal point and exponent.
///
/// Returns `None` when the text is not of that shape at all, and `Some(Err)` when it is but
/// the value cannot be held.
fn parse_plain(body: &str) -> Option<Result<Decimal, NumberError>> {
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((int_part, frac_part)) => (int_part, Some(frac_part)),
        None => (mantissa, None),
    };
    let int_digits = ungroup(int_part)?;
    let frac_digits = frac_part.unwrap_or("");
    if !frac_digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if int_digits.is_empty() && frac_digits.is_empty() {
        return None;
    }
    let exponent: i64 = match exponent {
        Some(text) => {
            let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
            if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            text.parse().ok()?
        }
        None => 0,
    };
    let mut digits: u128 = 0;
    for byte in int_digits.bytes().chain(frac_digits.bytes()) {
        let next = digits
            .checked_mul(10)
            .and_then(|d| d.checked_add(u128::from(byte - b'0')));
        match next {
            Some(next) => digits = next,
            None => return Some(Err(NumberError::TooLarge)),
        }
    }
    let places = u32::try_from(frac_digits.len()).ok()?;
    Some(shift(Decimal { digits, places }, exponent))
}

/// Removes thousands separators, checking that groups after the first have three digits.
fn ungroup(int_part: &str) -> Option<String> {
    let separators = [',', ' ', '\u{a0}', '\u{202f}'];
    if !int_part.contains(separators) {
        return int_part
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| int_part.to_owned());
    }
    let mut groups = int_part.split(separators);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the arithmetic under test is exact")]
mod tests {
    use super::*;

    fn amount(text: &str) -> Result<Decimal, NumberError> {
        parse_number(text, NumberKind::Amount)
    }

    /// The value in millionths, exact.
    fn value(text: &str, kind: NumberKind) -> f64 {
        let millionths = parse_number(text, kind).unwrap().scaled(6).unwrap();
        #[allow(clippy::cast_precision_loss, reason = "test values are small")]
        let value = millionths as f64 / 1e6;
        value
    }

    #[test]
    fn accepts_the_ways_planners_write_amounts() {
        let cases = [
            ("1000000", 1_000_000.0),
            ("1,000,000", 1_000_000.0),
            (" 1 000 000 ", 1_000_000.0),
            ("$1,000,000", 1_000_000.0),
            ("\u{20ac}60k", 60_000.0),
            ("1.2M", 1_200_000.0),
            ("2.5m", 2_500_000.0),
            ("3B", 3_000_000_000.0),
            ("1bn", 1_000_000_000.0),
            ("1e6", 1_000_000.0),
            ("2.5", 2.5),
            (".5", 0.5),
            ("7.", 7.0),
            ("+12", 12.0),
            ("0", 0.0),
            ("-0", 0.0),
        ];
        for (text, expected) in cases {
            assert_eq!(value(text, NumberKind::Amount), expected, "{text}");
        }
    }

    #[test]
    fn accepts_percentages_with_or_without_sign() {
        assert_eq!(value("2.5", NumberKind::Percent), 2.5);
        assert_eq!(value("2.5%", NumberKind::Percent), 2.5);
        assert_eq!(value("20 %", NumberKind::Percent), 20.0);
    }

    #[test]
    fn rejects_bad_text_with_a_reason() {
        assert_eq!(amount(""), Err(NumberError::Empty));
        assert_eq!(amount("   "), Err(NumberError::Empty));
        assert_eq!(amount("abc"), Err(NumberError::NotANumber("abc".into())));
        assert_eq!(amount("NaN"), Err(NumberError::NotANumber("NaN".into())));
        assert_eq!(amount("inf"), Err(NumberError::NotANumber("inf".into())));
        assert_eq!(amount("-5"), Err(NumberError::Negative));
        assert_eq!(amount("2,5"), Err(NumberError::BadGrouping));
        assert_eq!(amount("1,00,000"), Err(NumberError::BadGrouping));
        assert_eq!(amount("5%"), Err(NumberError::PercentNotAllowed));
        assert_eq!(
            amount("1.2.3"),
            Err(NumberError::NotANumber("1.2.3".into()))
        );
        assert_eq!(amount("1e"), Err(NumberError::NotANumber("1e".into())));
        assert_eq!(
            amount("1e99999"),
            Err(NumberError::NotANumber("1e99999".into()))
        );
        assert_eq!(amount(&"9".repeat(61)), Err(NumberError::TooLarge));
        assert_eq!(amount("1e308"), Err(NumberError::TooLarge));
        assert_eq!(
            parse_number("5k", NumberKind::Percent),
            Err(NumberError::NotANumber("5k".into()))
        );
    }

    #[test]
    fn quotes_long_text_shortened() {
        let long = "x".repeat(40);
        let Err(NumberError::NotANumber(quoted)) = amount(&long) else {
            panic!("expected NotANumber");
        };
        assert_eq!(quoted.chars().count(), 25);
    }

    #[test]
    fn scaling_rounds_half_up_exactly() {
        let d = amount("2.345").unwrap();
        assert_eq!(d.scaled(2), Some(235));
        assert_eq!(amount("2.344").unwrap().scaled(2), Some(234));
        assert_eq!(
            parse_number("2.5", NumberKind::Percent).unwrap().scaled(4),
            Some(25_000)
        );
        assert_eq!(amount("1e-30").unwrap().scaled(2), Some(0));
    }

    #[test]
    fn a_decimal_comma_is_read_where_it_can_only_mean_one_thing() {
        let comma = NumberLocale::DecimalComma;
        let read = |text: &str| {
            normalize_typed(text, comma).and_then(|t| parse_number(&t, NumberKind::Amount))
        };
        let cases = [
            ("2,5", 2.5),
            ("0,75", 0.75),
            ("1.000.000", 1_000_000.0),
            ("1.000.000,5", 1_000_000.5),
            ("1 000 000,25", 1_000_000.25),
            ("1,000,000", 1_000_000.0),
            ("2.5", 2.5),
            ("\u{20ac}60,5k", 60_500.0),
        ];
        for (text, expected) in cases {
            let millionths = read(text).unwrap().scaled(6).unwrap();
            #[allow(clippy::cast_precision_loss, reason = "test values are small")]
            let value = millionths as f64 / 1e6;
            assert_eq!(value, expected, "{text}");
        }
        for text in ["1,000", "1.000", "12,500", "-1,000", "\u{20ac}1.000"] {
            assert_eq!(
                read(text),
                Err(NumberError::Ambiguous(text.into())),
                "{text}"
            );
        }
        // Digits before the separator that cannot be a first group of thousands: one reading.
        assert_eq!(
            normalize_typed("12345,678", NumberLocale::DecimalComma).as_deref(),
            Ok("12345.678")
        );
        assert_eq!(
            normalize_typed("12345.678", NumberLocale::DecimalComma).as_deref(),
            Ok("12345.678")
        );
        assert!(
            NumberError::Ambiguous("1,000".into())
                .to_string()
                .starts_with("\u{201c}1,000\u{201d} reads two ways")
        );
        // A point locale changes nothing: 2,5 is still a grouping mistake.
        assert_eq!(
            normalize_typed("2,5", NumberLocale::DecimalPoint).as_deref(),
            Ok("2,5")
        );
        assert_eq!(
            parse_number("12,25 %", NumberKind::Percent),
            Err(NumberError::BadGrouping)
        );
        let percent = normalize_typed("12,25 %", comma).unwrap();
        assert_eq!(
            parse_number(&percent, NumberKind::Percent)
                .unwrap()
                .scaled(4),
            Some(122_500)
        );
    }
}
