//! Formatting figures for people ([`NumberStyle`]: the reader's locale and the plan's
//! currency) and for test hooks and links ([`plain`]: plain digits, whatever the locale).

use super::amount::Money;

/// Inserts a comma between every group of three digits in a run of ASCII digits
/// (`"1234567"` becomes `"1,234,567"`): the planner's own notation, which fields and messages
/// use whatever the locale. Text with a sign or a point is grouped before the point.
#[must_use]
pub fn group_thousands(digits: &str) -> String {
    group(digits, ",", ".", (3, 3, 1))
}

/// Groups the whole part of plain text (`-1234567.5`) with `separator` every `primary` digits
/// from the point, then every `secondary`, once it has `primary + min_grouping` digits, and
/// writes `decimal` for the point.
fn group(
    plain: &str,
    separator: &str,
    decimal: &str,
    (primary, secondary, min_grouping): (usize, usize, usize),
) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (rest, None),
    };
    let primary = primary.max(1);
    let secondary = secondary.max(1);
    let mut text = String::with_capacity(plain.len() * 2);
    text.push_str(sign);
    if whole.len() >= primary + min_grouping.max(1) {
        // Group boundaries counted from the right: the primary group, then secondary ones.
        let head = whole.len() - primary;
        let first = match head % secondary {
            0 => secondary,
            r => r,
        };
        let mut at = 0;
        let mut size = first.min(head);
        while at < head {
            text.push_str(&whole[at..at + size]);
            text.push_str(separator);
            at += size;
            size = secondary;
        }
        text.push_str(&whole[head..]);
    } else {
        text.push_str(whole);
    }
    if let Some(fraction) = fraction {
        text.push_str(decimal);
        text.push_str(fraction);
    }
    text
}

/// Drops trailing zeros after a point, and the point when nothing follows (`2.50` → `2.5`,
/// `3.00` → `3`); text without a point is left as it is.
fn trim_zeros(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// Digits an `f64` holds reliably: beyond them, a figure's digits are rounding noise.
const SIGNIFICANT_DIGITS: i32 = 15;

/// Writes `value` rounded half away from zero to `decimals` places, without grouping, never
/// as `-0`. Integer arithmetic while the scaled value is exact in an `f64` (below 2^53);
/// beyond, whole numbers to 15 significant digits followed by zeros, never noise digits.
fn fixed(value: f64, decimals: u32) -> String {
    let factor = 10u64.pow(decimals.min(12));
    #[allow(
        clippy::cast_precision_loss,
        reason = "a power of ten up to 10^12 is exact"
    )]
    let scaled = (value.abs() * factor as f64).round();
    if !scaled.is_finite() {
        return plain(value.round());
    }
    if scaled >= 2f64.powi(53) {
        return significant(value);
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a non-negative whole number below u64::MAX"
    )]
    let scaled = scaled as u64;
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let (whole, fraction) = (scaled / factor, scaled % factor);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        let width = decimals as usize;
        format!("{sign}{whole}.{fraction:0width$}")
    }
}

/// Text around a number: a currency symbol and its spacing (`$` before, `\u{a0}€` after), or
/// a percent sign (`%`, `\u{a0}%`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Affixes {
    /// Text before the digits.
    pub prefix: String,
    /// Text after the digits.
    pub suffix: String,
}

impl Affixes {
    /// Text only after the digits.
    #[must_use]
    pub fn suffix(suffix: &str) -> Self {
        Self {
            prefix: String::new(),
            suffix: suffix.to_owned(),
        }
    }

    /// Wraps `digits` in the affixes, with the sign first (`-$5`, `-5\u{a0}€`).
    #[must_use]
    pub fn wrap(&self, digits: &str) -> String {
        let (sign, digits) = match digits.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", digits),
        };
        format!("{sign}{}{digits}{}", self.prefix, self.suffix)
    }
}

/// One compact form: from `10^from` up, the value is divided by `10^divisor` and written
/// with the affixes (`1.2T`, `1,2\u{a0}Bio.`, `1.2万`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compact {
    /// The power of ten this form starts at.
    pub from: u32,
    /// The power of ten the value is divided by.
    pub divisor: u32,
    /// The words or letters around the divided value.
    pub affixes: Affixes,
}

/// Values from this size up are shown in compact form, with the full value beside.
pub const COMPACT_FROM: f64 = 1e9;

/// How numbers look on screen: the reader's locale (separators, grouping, compact words) and
/// the plan's currency (its symbol and place). The browser builds it from
/// `Intl.NumberFormat`; [`NumberStyle::default`] is plain English without a currency symbol.
///
/// Display rules, stated next to the results: needs are whole units, forecasts one decimal
/// place, money whole units, rates up to four decimal places. Only the look changes with the
/// style, never the rounding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    /// Between groups of digits: `,` in English, `.` in German, a narrow space in French.
    pub group: String,
    /// Before the decimals: `.` or `,`.
    pub decimal: String,
    /// Digits in the group nearest the decimal point, usually 3.
    pub primary: usize,
    /// Digits in each group further left: 3, or 2 in Indian lakh and crore grouping.
    pub secondary: usize,
    /// Digits the whole part needs beyond the first group before it is grouped: 1 in
    /// English (`1,234`), 2 in Spanish and Polish (`1234`, `12.345`).
    pub min_grouping: usize,
    /// Around money: the plan's currency as the locale writes it.
    pub money: Affixes,
    /// Decimal places of the currency's minor unit: 2 for dollars and euros, 0 for yen. Costs
    /// per unit show this many.
    pub money_decimals: u32,
    /// Around percentages.
    pub percent: Affixes,
    /// Compact forms for values from [`COMPACT_FROM`] up, in order of `from`.
    pub compact: Vec<Compact>,
}

impl Default for NumberStyle {
    fn default() -> Self {
        let compact = |from, suffix: &str| Compact {
            from,
            divisor: from,
            affixes: Affixes::suffix(suffix),
        };
        Self {
            group: ",".to_owned(),
            decimal: ".".to_owned(),
            primary: 3,
            secondary: 3,
            min_grouping: 1,
            money: Affixes::default(),
            money_decimals: 2,
            percent: Affixes::suffix("%"),
            compact: vec![compact(9, "B"), compact(12, "T")],
        }
    }
}

impl NumberStyle {
    /// Rewrites plain text (`-1234567.5`: an optional minus, digits, an optional point) with
    /// the locale's group separators and decimal sign.
    #[must_use]
    pub fn localize(&self, plain: &str) -> String {
        group(
            plain,
            &self.group,
            &self.decimal,
            (self.primary, self.secondary, self.min_grouping),
        )
    }

    /// Formats a whole number of units (`312,500`). Fractions are rounded to the nearest
    /// unit; callers pass values already rounded by the plan's rule.
    #[must_use]
    pub fn count(&self, value: f64) -> String {
        self.localize(&fixed(value, 0))
    }

    /// Formats a value to at most one decimal place, dropping a trailing `.0` (`38.4`,
    /// `5,000`).
    #[must_use]
    pub fn one_decimal(&self, value: f64) -> String {
        let text = fixed(value, 1);
        self.localize(text.strip_suffix(".0").unwrap_or(&text))
    }

    /// Formats a value to exactly two decimal places (`33.33`).
    #[must_use]
    pub fn two_decimals(&self, value: f64) -> String {
        self.localize(&fixed(value, 2))
    }

    /// Formats an amount of money in whole units with the plan's currency (`$960,000`,
    /// `960.000\u{a0}€`), rounding to the nearest unit.
    #[must_use]
    pub fn money(&self, value: f64) -> String {
        self.money.wrap(&self.count(value))
    }

    /// Formats a percentage written as plain text (`12.25`, as links write rates) in the
    /// locale's notation (`12,25\u{a0}%`), keeping every digit.
    #[must_use]
    pub fn percent_text(&self, plain: &str) -> String {
        self.percent.wrap(&self.localize(plain))
    }

    /// Formats an amount as entered, with the plan's currency: whole units, or with its cents
    /// when it has any (`$2,500.50`). Never rounded.
    #[must_use]
    pub fn amount(&self, amount: Money) -> String {
        let (units, cents) = (amount.cents() / 100, amount.cents() % 100);
        let digits = if cents == 0 {
            units.to_string()
        } else {
            format!("{units}.{cents:02}")
        };
        self.money.wrap(&self.localize(&digits))
    }

    /// Formats a fraction as a percentage: two decimal places at most for 1 % and above, two
    /// significant digits below (`0.025` → `2.5%`, `0.0000096` → `0.00096%`).
    #[must_use]
    pub fn percent(&self, fraction: f64) -> String {
        let value = fraction * 100.0;
        if value == 0.0 {
            return self.percent.wrap("0");
        }
        let decimals = if value.abs() >= 1.0 {
            2
        } else {
            // Two significant digits: 0.0096 needs 4 decimals.
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "minus log10 of a value in (0, 1) is positive and small"
            )]
            let leading_zeros = (-value.abs().log10()).floor() as usize;
            (leading_zeros + 2).min(12)
        };
        let text = fixed(value, u32::try_from(decimals).unwrap_or(12));
        self.percent.wrap(&self.localize(trim_zeros(&text)))
    }

    /// Formats a value of [`COMPACT_FROM`] or more in compact form to three significant
    /// digits (`1.23T`, with the currency for money: `$1.23T`); `None` for smaller values,
    /// which are shown in full.
    #[must_use]
    pub fn compact(&self, value: f64, money: bool) -> Option<String> {
        if !value.is_finite() || value.abs() < COMPACT_FROM {
            return None;
        }
        // Round to three significant digits first, so 999.6 billion becomes 1 trillion.
        #[allow(
            clippy::cast_possible_truncation,
            reason = "the log10 of a finite value is between -324 and 309"
        )]
        let magnitude = value.abs().log10().floor() as i32;
        // Whole powers only: `powi` needs no general `pow` in the wasm.
        let unit = 10f64.powi(magnitude - 2);
        let rounded = (value.abs() / unit).round() * unit;
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "the log10 of a finite value of 10^9 or more is between 9 and 309"
        )]
        let exponent = rounded.log10().floor() as u32;
        let form = self
            .compact
            .iter()
            .rev()
            .find(|form| form.from <= exponent)?;
        let shown = rounded / 10f64.powi(i32::try_from(form.divisor).unwrap_or(0));
        // Three significant digits of the shown value, without trailing zeros.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "the shown value is at least 1 and finite"
        )]
        let whole_digits = shown.log10().floor().max(0.0) as u32 + 1;
        let text = fixed(shown, 3u32.saturating_sub(whole_digits));
        let text = trim_zeros(&text);
        let sign = if value < 0.0 { "-" } else { "" };
        let number = format!(
            "{}{}{}",
            form.affixes.prefix,
            self.localize(text),
            form.affixes.suffix
        );
        Some(if money {
            self.money.wrap(&format!("{sign}{number}"))
        } else {
            format!("{sign}{number}")
        })
    }
}

/// How a figure is shown: which rule of [`NumberStyle`] formats it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// Whole units.
    Count,
    /// At most one decimal place.
    OneDecimal,
    /// Exactly two decimal places.
    TwoDecimals,
    /// Money in whole units, with the currency.
    Money,
    /// Money to the currency's minor unit, with the currency (a cost per lead): two decimal
    /// places for dollars, none for yen.
    MoneyCents,
    /// A fraction as a percentage.
    Percent,
    /// A number of percent, to one decimal place (an ROI of `139.2%`).
    PercentPoints,
    /// A multiple, to two decimal places (`4.65×`).
    Times,
}

impl Show {
    /// The value in full.
    #[must_use]
    pub fn full(self, style: &NumberStyle, value: f64) -> String {
        match self {
            Self::Count => style.count(value),
            Self::OneDecimal => style.one_decimal(value),
            Self::TwoDecimals => style.two_decimals(value),
            Self::Money => style.money(value),
            Self::MoneyCents => style
                .money
                .wrap(&style.localize(&fixed(value, style.money_decimals))),
            Self::Percent => style.percent(value),
            Self::PercentPoints => style.percent.wrap(&style.one_decimal(value)),
            Self::Times => format!("{}\u{d7}", style.two_decimals(value)),
        }
    }

    /// The value in compact form when it is too large to show in full in a card, else
    /// `None`. Percentages are always shown in full.
    #[must_use]
    pub fn short(self, style: &NumberStyle, value: f64) -> Option<String> {
        match self {
            Self::Percent | Self::PercentPoints | Self::Times => None,
            Self::Money | Self::MoneyCents => style.compact(value, true),
            Self::Count | Self::OneDecimal | Self::TwoDecimals => style.compact(value, false),
        }
    }
}

/// Writes a whole number too large for an `f64` to hold every digit: its first 15 significant
/// digits, rounded, then zeros (`104166666666666672` → `104166666666667000`).
fn significant(value: f64) -> String {
    #[allow(
        clippy::cast_possible_truncation,
        reason = "the log10 of a finite value is between -324 and 309"
    )]
    let digits = value.abs().log10().floor() as i32 + 1;
    let zeros = (digits - SIGNIFICANT_DIGITS).max(0);
    // Whole powers up to 10^294 are within an f64's range; the quotient has 15 digits.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a non-negative whole number below 10^16"
    )]
    let mantissa = (value.abs() / 10f64.powi(zeros)).round() as u64;
    let sign = if value < 0.0 { "-" } else { "" };
    format!(
        "{sign}{mantissa}{}",
        "0".repeat(usize::try_from(zeros).unwrap_or(0))
    )
}

/// Formats a number for a `data-value` test hook: plain digits, `.` as decimal point, no
/// grouping, no exponent, the shortest text that reads back as the same `f64`, never `-0`.
/// Not-finite values (which the plan never produces) are written as `0`.
#[must_use]
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    // zmij writes the shortest round-trip form, which is far
    // smaller in wasm than core's float formatting.
    let mut buffer = zmij::Buffer::new();
    let text = expand_exponent(buffer.format_finite(value + 0.0));
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// Rewrites `1.5e+16` or `2e-7` as plain digits (`15000000000000000`, `0.0000002`).
fn expand_exponent(text: &str) -> String {
    let Some((mantissa, exponent)) = text.split_once('e') else {
        return text.to_owned();
    };
    let exponent: i32 = exponent.trim_start_matches('+').parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    // Position of the decimal point within `digits` after shifting.
    let point = i32::try_from(whole.len()).unwrap_or(0) + exponent;
    let length = i32::try_from(digits.len()).unwrap_or(0);
    let zeros = |count: i32| "0".repeat(usize::try_from(count).unwrap_or(0));
    if point <= 0 {
        format!("{sign}0.{}{digits}", zeros(-point))
    } else if point >= length {
        format!("{sign}{digits}{}", zeros(point - length))
    } else {
        let (left, right) = digits.split_at(usize::try_from(point).unwrap_or(0));
        format!("{sign}{left}.{right}")
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "round trips must be exact")]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        let cases = [
            ("0", "0"),
            ("999", "999"),
            ("1000", "1,000"),
            ("312500", "312,500"),
            ("1234567", "1,234,567"),
            ("-1234567.25", "-1,234,567.25"),
        ];
        for (digits, grouped) in cases {
            assert_eq!(group_thousands(digits), grouped);
        }
    }

    #[test]
    fn formats_counts_decimals_money_and_percentages() {
        let en = NumberStyle::default();
        assert_eq!(en.count(312_500.0), "312,500");
        assert_eq!(en.one_decimal(38.4), "38.4");
        assert_eq!(en.one_decimal(5_000.0), "5,000");
        assert_eq!(en.one_decimal(-0.01), "0");
        assert_eq!(en.money(960_000.000_000_1), "960,000");
        assert_eq!(en.two_decimals(33.333_333), "33.33");
        assert_eq!(en.two_decimals(1234.5), "1,234.50");
        assert_eq!(en.two_decimals(-0.001), "0.00");
        assert_eq!(en.one_decimal(-2.25), "-2.3");
        assert_eq!(en.count(1e30), "1,000,000,000,000,000,000,000,000,000,000");
        // Past 2^53 an f64's last digits are noise: 15 significant digits, then zeros.
        assert_eq!(
            en.count(104_166_666_666_666_675.0),
            "104,166,666,666,667,000"
        );
        assert_eq!(en.count(9_007_199_254_740_991.0), "9,007,199,254,740,991");
        assert_eq!(
            en.one_decimal(347_222_222_222_222_284.8),
            "347,222,222,222,222,000"
        );
        assert_eq!(
            en.money(-10_416_666_666_666_668_032.0),
            "-10,416,666,666,666,700,000"
        );
        assert_eq!(en.money(-40_000.0), "-40,000");
        assert_eq!(en.money(-0.2), "0");
        assert_eq!(en.percent(0.025), "2.5%");
        assert_eq!(en.percent(0.2), "20%");
        assert_eq!(en.percent(0.000_096), "0.0096%");
        assert_eq!(en.percent(0.000_009_6), "0.00096%");
        assert_eq!(en.percent(0.0), "0%");
        assert_eq!(en.percent(12.5), "1,250%");
        assert_eq!(en.percent(-0.025), "-2.5%");
    }

    /// German as `Intl.NumberFormat("de-DE", {style: "currency", currency: "EUR"})` writes it.
    fn german_euro() -> NumberStyle {
        NumberStyle {
            group: ".".to_owned(),
            decimal: ",".to_owned(),
            money: Affixes::suffix("\u{a0}\u{20ac}"),
            percent: Affixes::suffix("\u{a0}%"),
            compact: vec![
                Compact {
                    from: 9,
                    divisor: 9,
                    affixes: Affixes::suffix("\u{a0}Mrd."),
                },
                Compact {
                    from: 12,
                    divisor: 12,
                    affixes: Affixes::suffix("\u{a0}Bio."),
                },
            ],
            ..NumberStyle::default()
        }
    }

    #[test]
    fn follows_the_locale_and_the_currency() {
        let de = german_euro();
        assert_eq!(de.count(4175.0), "4.175");
        assert_eq!(de.one_decimal(1234.5), "1.234,5");
        assert_eq!(de.money(-40_000.0), "-40.000\u{a0}\u{20ac}");
        assert_eq!(de.percent(0.025), "2,5\u{a0}%");
        let us = NumberStyle {
            money: Affixes {
                prefix: "$".to_owned(),
                suffix: String::new(),
            },
            ..NumberStyle::default()
        };
        assert_eq!(us.money(-40_000.0), "-$40,000");
        let india = NumberStyle {
            secondary: 2,
            ..NumberStyle::default()
        };
        assert_eq!(india.count(12_345_678.0), "1,23,45,678");
        assert_eq!(india.count(123_456.0), "1,23,456");
        assert_eq!(india.count(12_345.0), "12,345");
        let spanish = NumberStyle {
            group: ".".to_owned(),
            min_grouping: 2,
            ..NumberStyle::default()
        };
        assert_eq!(spanish.count(1234.0), "1234");
        assert_eq!(spanish.count(12_345.0), "12.345");
        let french = NumberStyle {
            group: "\u{202f}".to_owned(),
            ..NumberStyle::default()
        };
        assert_eq!(french.count(1_234_567.0), "1\u{202f}234\u{202f}567");
    }

    #[test]
    fn huge_values_have_a_compact_form() {
        let en = NumberStyle::default();
        assert_eq!(en.compact(999_999_999.0, false), None);
        assert_eq!(en.compact(1e9, false).as_deref(), Some("1B"));
        assert_eq!(en.compact(1.234e13, false).as_deref(), Some("12.3T"));
        assert_eq!(en.compact(999.6e9, false).as_deref(), Some("1T"));
        assert_eq!(en.compact(1.25e10, false).as_deref(), Some("12.5B"));
        assert_eq!(en.compact(-2.5e9, false).as_deref(), Some("-2.5B"));
        assert_eq!(en.compact(4.2e16, false).as_deref(), Some("42,000T"));
        assert_eq!(en.compact(f64::INFINITY, false), None);
        let de = german_euro();
        assert_eq!(
            de.compact(1.2e13, true).as_deref(),
            Some("12\u{a0}Bio.\u{a0}\u{20ac}")
        );
        assert_eq!(
            de.compact(1.25e9, true).as_deref(),
            Some("1,25\u{a0}Mrd.\u{a0}\u{20ac}")
        );
        // Japanese counts in 10^8 (oku): 10^9 is 10 oku.
        let ja = NumberStyle {
            compact: vec![Compact {
                from: 8,
                divisor: 8,
                affixes: Affixes::suffix("\u{5104}"),
            }],
            ..NumberStyle::default()
        };
        assert_eq!(ja.compact(1e9, false).as_deref(), Some("10\u{5104}"));
        assert_eq!(Show::Money.short(&de, 5.0), None);
        assert_eq!(Show::Percent.short(&de, 5e12), None);
        assert_eq!(Show::Count.full(&de, 5e3), "5.000");
        assert_eq!(Show::MoneyCents.full(&de, 2.5), "2,50\u{a0}\u{20ac}");
        let yen = NumberStyle {
            money_decimals: 0,
            ..NumberStyle::default()
        };
        assert_eq!(Show::MoneyCents.full(&yen, 2083.34), "2,083");
        assert_eq!(
            de.amount(Money::from_cents(250_050).unwrap()),
            "2.500,50\u{a0}\u{20ac}"
        );
        assert_eq!(
            de.amount(Money::from_cents(250_000).unwrap()),
            "2.500\u{a0}\u{20ac}"
        );
        assert_eq!(Show::PercentPoints.full(&de, 139.25), "139,3\u{a0}%");
        assert_eq!(Show::Times.full(&de, 4.654), "4,65\u{d7}");
    }

    #[test]
    fn plain_numbers_have_no_grouping_and_no_negative_zero() {
        assert_eq!(plain(1_000_000.0), "1000000");
        assert_eq!(plain(38.4), "38.4");
        assert_eq!(plain(-0.0), "0");
        assert_eq!(plain(1e20), "100000000000000000000");
        assert_eq!(plain(1.5e16), "15000000000000000");
        assert_eq!(plain(2e-7), "0.0000002");
        assert_eq!(plain(-2.5e-7), "-0.00000025");
        assert_eq!(plain(960_000.000_000_000_1), "960000.0000000001");
        assert_eq!(plain(f64::NAN), "0");
        for value in [38.4, 1e16, 1.234_567_890_123e-9, 123_456.5, 1e300] {
            assert_eq!(plain(value).parse::<f64>().unwrap(), value, "{value}");
        }
    }
}
