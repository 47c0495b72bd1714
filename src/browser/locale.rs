//! The browser's locale: how the person typing writes decimals, how numbers look on screen,
//! and the currency of a first visit. Everything is read from `Intl` once and handed to the
//! pure model as plain values ([`NumberLocale`], [`NumberStyle`], [`Currency`]).

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::model::format::{Affixes, Compact, NumberStyle};
use crate::model::{Currency, Local, NumberLocale};

/// Returns the browser's language tag, such as `de-DE`; empty when it gives none.
fn language() -> String {
    web_sys::window()
        .and_then(|window| window.navigator().language())
        .unwrap_or_default()
}

/// Returns an `Intl.NumberFormat` for the browser's language with `options` (pairs of option
/// name and value), or `None` when the browser refuses the options.
fn number_format(options: &[(&str, JsValue)]) -> Option<Intl::NumberFormat> {
    let locales = Array::of1(&JsValue::from_str(&language()));
    let object = Object::new();
    for (name, value) in options {
        Reflect::set(&object, &JsValue::from_str(name), value).ok()?;
    }
    // The constructor throws a RangeError for options it cannot use: Reflect catches it.
    let class = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))
        .and_then(|intl| Reflect::get(&intl, &JsValue::from_str("NumberFormat")))
        .ok()?;
    Reflect::construct(&class.into(), &Array::of2(&locales, &object))
        .ok()
        .map(Into::into)
}

/// One piece of formatted text, as `formatToParts` gives it.
struct Part {
    kind: String,
    value: String,
}

/// Formats `value` into its parts.
fn parts(format: &Intl::NumberFormat, value: f64) -> Vec<Part> {
    format
        .format_to_parts(value)
        .iter()
        .map(|part| {
            let text = |name: &str| {
                Reflect::get(&part, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
            };
            Part {
                kind: text("type"),
                value: text("value"),
            }
        })
        .collect()
}

/// Whether a part belongs to the number itself rather than the text around it.
fn is_number_part(kind: &str) -> bool {
    matches!(kind, "integer" | "group" | "decimal" | "fraction")
}

/// Splits formatted parts into the text before the number, the number's parts and the text
/// after it.
fn affixes(parts: &[Part]) -> Affixes {
    let first = parts.iter().position(|p| is_number_part(&p.kind));
    let last = parts.iter().rposition(|p| is_number_part(&p.kind));
    let (Some(first), Some(last)) = (first, last) else {
        return Affixes::default();
    };
    let join = |slice: &[Part]| {
        slice
            .iter()
            .filter(|p| p.kind != "minusSign" && p.kind != "plusSign")
            .map(|p| p.value.as_str())
            .collect::<String>()
    };
    Affixes {
        prefix: join(&parts[..first]),
        suffix: join(&parts[last + 1..]),
    }
}

/// Returns how the browser's language writes decimals: with a comma when
/// `Intl.NumberFormat` formats one and a half as `1,5`.
#[must_use]
pub fn number_locale() -> NumberLocale {
    let decimal = number_format(&[])
        .map(|format| parts(&format, 1.5))
        .and_then(|parts| parts.into_iter().find(|p| p.kind == "decimal"))
        .map(|p| p.value);
    if decimal.as_deref() == Some(",") {
        NumberLocale::DecimalComma
    } else {
        NumberLocale::DecimalPoint
    }
}

/// Returns how numbers look in the browser's language, with amounts in `currency`: its
/// separators and grouping, the currency symbol and its place, the percent sign, and the
/// compact words for huge values. Anything the browser cannot say keeps the plain English
/// form of [`NumberStyle::default`].
#[must_use]
pub fn number_style(currency: Currency) -> NumberStyle {
    let mut style = NumberStyle::default();
    let Some(plain) = number_format(&[]) else {
        return style;
    };
    let grouped = parts(&plain, 12_345_678.5);
    if let Some(group) = grouped.iter().find(|p| p.kind == "group") {
        style.group.clone_from(&group.value);
    }
    if let Some(decimal) = grouped.iter().find(|p| p.kind == "decimal") {
        style.decimal.clone_from(&decimal.value);
    }
    let integers: Vec<usize> = grouped
        .iter()
        .filter(|p| p.kind == "integer")
        .map(|p| p.value.chars().count())
        .collect();
    if let [.., secondary, primary] = integers[..] {
        style.primary = primary;
        style.secondary = secondary;
    }
    // Spanish and Polish leave four-digit numbers ungrouped.
    if !parts(&plain, 1234.0).iter().any(|p| p.kind == "group") {
        style.min_grouping = 2;
    }
    // The symbol and its place, and the currency's own decimals ($1.50, or ¥2).
    let money = number_format(&[
        ("style", "currency".into()),
        ("currency", currency.as_str().into()),
    ]);
    if let Some(money) = money {
        let parts = parts(&money, 1.5);
        style.money = affixes(&parts);
        let decimals: usize = parts
            .iter()
            .filter(|p| p.kind == "fraction")
            .map(|p| p.value.chars().count())
            .sum();
        style.money_decimals = u32::try_from(decimals).unwrap_or(2);
    }
    if let Some(percent) = number_format(&[("style", "percent".into())]) {
        style.percent = affixes(&parts(&percent, 0.25));
    }
    if let Some(compact) = number_format(&[
        ("notation", "compact".into()),
        ("maximumSignificantDigits", 3.into()),
    ]) {
        style.compact = compact_forms(&compact);
    }
    style
}

/// Reads the compact forms from 10^8 (some languages count in ten thousands) to 10^15: for
/// each power, the number the browser shows for it tells the divisor, and the text around it
/// the words.
fn compact_forms(format: &Intl::NumberFormat) -> Vec<Compact> {
    let mut forms: Vec<Compact> = Vec::new();
    // One power below COMPACT_FROM (10^9), so a form that starts there is seen.
    for power in 8u32..=15 {
        let parts = parts(format, 10f64.powi(i32::try_from(power).unwrap_or(9)));
        let shown: String = parts
            .iter()
            .filter(|p| p.kind == "integer")
            .map(|p| p.value.as_str())
            .collect();
        let Ok(shown) = shown.parse::<u64>() else {
            continue;
        };
        let Some(divisor) = power.checked_sub(shown.checked_ilog10().unwrap_or(0)) else {
            continue;
        };
        let affixes = affixes(&parts);
        if affixes == Affixes::default() {
            continue;
        }
        if forms
            .last()
            .is_none_or(|last| last.divisor != divisor || last.affixes != affixes)
        {
            forms.push(Compact {
                from: power,
                divisor,
                affixes,
            });
        }
    }
    if forms.is_empty() {
        NumberStyle::default().compact
    } else {
        forms
    }
}

/// Returns the currency of the browser's region (`de-DE` and `de` give `EUR`), or US dollars
/// when the browser names no region the table knows.
#[must_use]
pub fn local_currency() -> Currency {
    Intl::Locale::new(&language())
        .ok()
        .and_then(|locale| locale.maximize().region())
        .and_then(|region| Currency::of_region(&String::from(region)))
        .unwrap_or_default()
}

/// Returns when and where the page is open: this month and the reader's currency, which
/// give a plan its defaults.
#[must_use]
pub fn local() -> Local {
    Local {
        today: super::clock::this_month(),
        currency: local_currency(),
    }
}
