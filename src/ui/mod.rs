//! The planner's components, one per file, each thin: they read the [`state::Planner`] and
//! call the model; none holds planning logic.

pub mod figure;
pub mod notice_area;
pub mod number_field;
pub mod plan_summary;
pub mod results_table;
pub mod rounding_choice;
pub mod share_link;
pub mod stage_actions;
pub mod stage_editor;
pub mod stage_row;
pub mod state;
pub mod targets_panel;
