//! The planner's components, one per file, each thin: they read the [`state::Planner`] and
//! call the model; none holds planning logic.

pub mod budget_panel;
pub mod cap_figures;
pub mod capacity_panel;
pub mod channel_editor;
pub mod channel_table;
pub mod cohort_editor;
pub mod costs_panel;
pub mod field_input;
pub mod figure;
pub mod handoff_panel;
pub mod headline;
pub mod lever_table;
pub mod month_sentences;
pub mod month_table;
pub mod notice_area;
pub mod number_field;
pub mod period_panel;
pub mod plan_summary;
pub mod results_table;
pub mod rounding_choice;
pub mod rows;
pub mod share_link;
pub mod shown;
pub mod sla_panel;
pub mod solve_panel;
pub mod stage_actions;
pub mod stage_choice;
pub mod stage_costs_table;
pub mod stage_editor;
pub mod stage_row;
pub mod state;
pub mod targets_panel;
pub mod team_panel;
pub mod timing_panel;
pub mod velocity_figures;
