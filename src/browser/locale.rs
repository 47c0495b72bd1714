//! The browser's locale: how the person typing writes decimals.

use wasm_bindgen::JsValue;

use crate::model::NumberLocale;

/// Returns how the browser's language writes decimals: with a comma when
/// `Intl.NumberFormat` formats one and a half as `1,5`.
#[must_use]
pub fn number_locale() -> NumberLocale {
    let language = web_sys::window()
        .and_then(|window| window.navigator().language())
        .unwrap_or_default();
    let locales = js_sys::Array::of1(&JsValue::from_str(&language));
    let format = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format();
    let one_and_a_half = format
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(1.5))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default();
    if one_and_a_half.contains(',') {
        NumberLocale::DecimalComma
    } else {
        NumberLocale::DecimalPoint
    }
}
