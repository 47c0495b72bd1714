//! The plan's targets: quota, deal size and planned traffic.

use leptos::prelude::*;

use super::field_input::FieldInput;
use super::state::Planner;
use crate::model::Field;
use crate::model::wording::labels;

/// Quota, average deal size and planned traffic fields.
#[component]
pub fn TargetsPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="targets-heading">
            <h2 id="targets-heading">{labels::targets_panel::TARGETS}</h2>
            <div class="field-grid">
                <FieldInput planner field=Field::Quota/>
                <FieldInput planner field=Field::Deal/>
                <FieldInput planner field=Field::Traffic/>
                <FieldInput planner field=Field::Currency/>
            </div>
            <p class="hint">{labels::targets_panel::TYPE_FIGURES_AS_YOU_LIKE}</p>
        </section>
    }
}
