//! Marketing's costs: the stage it pays for, cost per lead, channels, and a budget cap.

use leptos::prelude::*;

use super::channel_editor::ChannelEditor;
use super::field_input::FieldInput;
use super::stage_choice::StageChoice;
use super::state::Planner;
use crate::model::Field;
use crate::model::format::Show;
use crate::model::wording::labels;

/// Lead stage, blended cost per lead, channels and budget cap.
#[component]
pub fn CostsPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let scenario = planner.scenario;
    let default_stage =
        Signal::derive(move || scenario.with(|s| usize::from(s.funnel.stage_count() >= 3)));
    let summary = move || {
        planner.budget().with(|budget| {
            scenario.with(|s| {
                let stage = s
                    .funnel
                    .name(budget.lead_stage)
                    .map(ToString::to_string)
                    .unwrap_or_default();
                planner.style().with(|style| {
                    format!(
                        "{} per lead ({stage}){}",
                        Show::MoneyCents.full(style, budget.blended_cpl),
                        s.costs.cap.map_or(String::new(), |cap| format!(
                            " \u{b7} cap {}",
                            style.amount(cap)
                        ))
                    )
                })
            })
        })
    };
    view! {
        <details class="panel section" data-testid="section-costs">
            <summary>
                <h2>{labels::costs_panel::COSTS_AND_CHANNELS}</h2>
                <span class="section-summary">{Signal::derive(summary)}</span>
            </summary>
            <div class="field-grid">
                <StageChoice planner field=Field::LeadStage default_stage=default_stage/>
                <FieldInput planner field=Field::Cpl/>
                <FieldInput planner field=Field::Cap/>
            </div>
            <ChannelEditor planner/>
        </details>
    }
}
