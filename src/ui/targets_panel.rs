//! The plan's targets: quota, deal size and planned traffic.

use leptos::prelude::*;

use super::form_field::FormField;
use super::state::Planner;
use crate::model::{Form, Money, Volume};

/// Quota, average deal size and planned traffic fields.
#[component]
pub fn TargetsPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let quota = FormField {
        label: "Revenue quota",
        testid: "quota",
        hint: "New revenue to close in the planning period.",
        entry: |form| &form.quota,
        show: |money: &Money| money.to_display(),
        edit: Form::set_quota,
        unit: None,
    };
    let deal = FormField {
        label: "Average deal size",
        testid: "deal",
        hint: "Revenue from one closed-won deal.",
        entry: |form| &form.deal_size,
        show: |money: &Money| money.to_display(),
        edit: Form::set_deal_size,
        unit: None,
    };
    let traffic = FormField {
        label: "Planned traffic",
        testid: "traffic",
        hint: "Volume you expect to enter the top stage in the period, for the forecast.",
        entry: |form| &form.traffic,
        show: |volume: &Volume| volume.to_display(),
        edit: Form::set_traffic,
        unit: None,
    };
    view! {
        <section class="panel" aria-labelledby="targets-heading">
            <h2 id="targets-heading">"Targets"</h2>
            <div class="field-grid">
                {quota.view(planner)}
                {deal.view(planner)}
                {traffic.view(planner)}
            </div>
            <p class="hint">"Type figures as you like: 1,000,000 or 1M, 60k, $25,000."</p>
        </section>
    }
}
