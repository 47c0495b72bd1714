//! Funnel Planner: from a revenue quota to the volume every funnel stage needs.

pub mod codec;
pub mod model;
