//! The planning model: pure Rust, no browser and no UI framework.
//!
//! Plain types with their preconditions built in ([`Rate`], [`Money`], [`StageName`],
//! [`Funnel`]), plain functions ([`compute`]) and typed errors. Everything here is tested
//! natively with `cargo test`.

pub mod actuals;
pub mod amount;
pub mod assumptions;
pub mod budget;
pub mod capacity;
pub mod compare;
pub mod currency;
pub mod field;
pub mod form;
pub mod format;
pub mod handoff;
pub mod history;
pub mod levers;
pub mod monthly;
pub mod number;
pub mod period;
pub mod plan;
pub mod rate;
mod ratio;
pub mod reps;
pub mod scenario;
pub mod stage;
pub mod stage_plan;
pub mod steps;
pub mod uncertainty;
pub mod wording;
pub mod workspace;

pub use amount::{MAX_WHOLE_UNITS, Money, Volume};
pub use assumptions::{Channel, ChannelError, Costs, Handoff, Season, SeasonError, Team, Timing};
pub use currency::{Currency, CurrencyError};
pub use field::{FIELDS, Field, FieldError, FieldKey, FieldKind, FieldSpec};
pub use form::{ChannelText, Edit, FieldText, Form, StageText};
pub use number::{NumberError, NumberLocale};
pub use period::{MonthError, Period, YearMonth};
pub use plan::{Plan, StagePlan, compute};
pub use rate::{Attainment, Rate, Share};
pub use reps::{Cohort, Reps, RepsError};
pub use scenario::{Existing, Local, Rounding, Scenario};
pub use stage::{Funnel, FunnelError, NameError, StageName, Step};
pub use uncertainty::{Bounds, Draws, Range, RangeError, Simulation, Uncertainty};
