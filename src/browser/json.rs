//! JSON text through the browser's own `JSON.parse` and `JSON.stringify`, with
//! serde-wasm-bindgen between JavaScript values and the stored shapes: the page needs no JSON
//! parser or writer of its own in the wasm.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::codec::saved::Json;
use crate::model::wording;

/// The browser's JSON, as the saved-plan codec's text step.
pub struct BrowserJson;

impl Json for BrowserJson {
    fn read<T: DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(text).map_err(|error| {
            // The browser's own words say where (`… at position 9`).
            let detail = js_sys::Reflect::get(&error, &JsValue::from_str("message"))
                .ok()
                .and_then(|message| message.as_string())
                .unwrap_or_default();
            format!("{}: {detail}", wording::NOT_VALID_JSON)
        })?;
        serde_wasm_bindgen::from_value(value).map_err(|_| wording::NOT_THE_SHAPE.to_owned())
    }

    fn write<T: Serialize>(&self, value: &T) -> String {
        // Maps as plain objects, as JSON has them (serde-wasm-bindgen's default is `Map`).
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .ok()
            .and_then(|value| js_sys::JSON::stringify(&value).ok())
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    }
}
