//! Reading a file the user chose (an exported workspace to import).

use wasm_bindgen_futures::JsFuture;

/// Why a chosen file's text was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The file is larger than the limit, in bytes: it was not read at all.
    TooLarge(usize),
    /// The browser could not read it; its reason.
    Failed(String),
}

/// Reads the first file chosen in `input`, as text, unless it is larger than `limit` bytes
/// (refused before a byte is read, so a huge file never freezes the page). Returns `None`
/// when no file was chosen.
pub async fn read_chosen(
    input: &web_sys::HtmlInputElement,
    limit: usize,
) -> Option<Result<String, ReadError>> {
    let file = input.files()?.get(0)?;
    // A file's size is a whole number of bytes; past `usize`, it is too large anyway.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let size = file.size() as usize;
    if size > limit {
        return Some(Err(ReadError::TooLarge(size)));
    }
    let text = JsFuture::from(file.text()).await.map_err(|error| {
        ReadError::Failed(
            js_sys::Error::from(error)
                .message()
                .as_string()
                .unwrap_or_else(|| "the browser could not read it".to_owned()),
        )
    });
    Some(text.map(|text| text.as_string().unwrap_or_default()))
}
