//! Codecs for the scenario's two homes outside memory (the link and the browser's storage),
//! and for the tables it exports to spreadsheets.
//!
//! Pure like the model: raw text in, a DTO, then a validated [`crate::model::Scenario`] out,
//! with typed errors for anything unusable. No browser API is touched here.

#[cfg(test)]
pub(crate) mod arbitrary;
#[cfg(test)]
mod checks;
pub mod link;
pub mod opening;
pub mod percent;
pub mod presets;
pub mod saved;
pub mod table;
pub mod workspace;
