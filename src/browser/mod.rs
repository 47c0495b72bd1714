//! The browser's side of the planner: storage, the address bar, the clipboard, focus.
//!
//! Thin wrappers over web-sys and gloo that turn every browser failure into a value (never a
//! panic or an uncaught exception); all decisions are made by the pure codecs they call.

pub mod address;
pub mod canvas;
pub mod clipboard;
pub mod clock;
pub mod download;
pub mod file;
pub mod focus;
pub mod json;
pub mod locale;
pub mod storage;
pub mod theme;
