//! The plan's targets: quota, deal size and planned traffic.

use leptos::prelude::*;

use super::field_input::FieldInput;
use super::state::Planner;
use crate::model::Field;

/// Quota, average deal size and planned traffic fields.
#[component]
pub fn TargetsPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="targets-heading">
            <h2 id="targets-heading">"Targets"</h2>
            <div class="field-grid">
                <FieldInput planner field=Field::Quota/>
                <FieldInput planner field=Field::Deal/>
                <FieldInput planner field=Field::Traffic/>
                <FieldInput planner field=Field::Currency/>
            </div>
            <p class="hint">"Type figures as you like: 1,000,000 or 1M, 60k, $25,000."</p>
        </section>
    }
}
