//! Formatting figures for people (grouped thousands) and for test hooks (plain numbers).
//!
//! The display rules are the ones the page states next to its results: needs are whole units,
//! forecasts one decimal place, money whole units, rates up to four decimal places.

/// Inserts a comma between every group of three digits in a run of ASCII digits
/// (`"1234567"` becomes `"1,234,567"`). Text with a sign or a point is grouped before the point.
#[must_use]
pub fn group_thousands(digits: &str) -> String {
    let (sign, rest) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (rest, None),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 + 1);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Writes `value` rounded half away from zero to `decimals` places, without grouping, never
/// as `-0`. Integer arithmetic below 1.8 × 10^19 scaled units; beyond, whole numbers only.
fn fixed(value: f64, decimals: u32) -> String {
    let factor = 10u64.pow(decimals.min(12));
    #[allow(
        clippy::cast_precision_loss,
        reason = "a power of ten up to 10^12 is exact"
    )]
    let scaled = (value.abs() * factor as f64).round();
    #[allow(clippy::cast_precision_loss, reason = "u64::MAX as a bound")]
    if !scaled.is_finite() || scaled >= u64::MAX as f64 {
        // Only absurd plans get here; their digits past 2^53 are noise anyway.
        return plain(value.round());
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

/// Formats a whole number of units with grouping (`312,500`). Fractions are rounded to the
/// nearest unit; callers pass values already rounded by the plan's rule.
#[must_use]
pub fn count(value: f64) -> String {
    group_thousands(&fixed(value, 0))
}

/// Formats a value to at most one decimal place, dropping a trailing `.0` (`38.4`, `5,000`).
#[must_use]
pub fn one_decimal(value: f64) -> String {
    let text = fixed(value, 1);
    group_thousands(text.strip_suffix(".0").unwrap_or(&text))
}

/// Formats a value to exactly two decimal places with grouping (`33.33`).
#[must_use]
pub fn two_decimals(value: f64) -> String {
    group_thousands(&fixed(value, 2))
}

/// Formats an amount of money in whole units with grouping, rounding to the nearest unit.
#[must_use]
pub fn money(value: f64) -> String {
    group_thousands(&fixed(value, 0))
}

/// Formats a fraction as a percentage: two decimal places at most for 1 % and above, two
/// significant digits below (`0.025` → `2.5%`, `0.0000096` → `0.00096%`).
#[must_use]
pub fn percent(fraction: f64) -> String {
    let value = fraction * 100.0;
    if value == 0.0 {
        return "0%".to_owned();
    }
    let decimals = if value >= 1.0 {
        2
    } else {
        // Two significant digits: 0.0096 needs 4 decimals.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "minus log10 of a value in (0, 1) is positive and small"
        )]
        let leading_zeros = (-value.log10()).floor() as usize;
        (leading_zeros + 2).min(12)
    };
    let text = fixed(value, u32::try_from(decimals).unwrap_or(12));
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    format!("{}%", group_thousands(text))
}

/// Formats a number for a `data-value` test hook: plain digits, `.` as decimal point, no
/// grouping, no exponent, the shortest text that reads back as the same `f64`, never `-0`.
/// Not-finite values (which the plan never produces) are written as `0`.
#[must_use]
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    // zmij (already linked by serde_json) writes the shortest round-trip form, which is far
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
        assert_eq!(count(312_500.0), "312,500");
        assert_eq!(one_decimal(38.4), "38.4");
        assert_eq!(one_decimal(5_000.0), "5,000");
        assert_eq!(one_decimal(-0.01), "0");
        assert_eq!(money(960_000.000_000_1), "960,000");
        assert_eq!(two_decimals(33.333_333), "33.33");
        assert_eq!(two_decimals(1234.5), "1,234.50");
        assert_eq!(two_decimals(-0.001), "0.00");
        assert_eq!(one_decimal(-2.25), "-2.3");
        assert_eq!(count(1e30), "1,000,000,000,000,000,000,000,000,000,000");
        assert_eq!(money(-40_000.0), "-40,000");
        assert_eq!(money(-0.2), "0");
        assert_eq!(percent(0.025), "2.5%");
        assert_eq!(percent(0.2), "20%");
        assert_eq!(percent(0.000_096), "0.0096%");
        assert_eq!(percent(0.000_009_6), "0.00096%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(12.5), "1,250%");
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
