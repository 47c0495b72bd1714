//! The plan's targets: quota, deal size and planned traffic.

use leptos::prelude::*;

use super::number_field::InputField;
use super::state::Planner;
use crate::model::{Entry, Form, Money, NumberError, Volume};

/// The message for a field with bad text: what is wrong and the value still in use.
pub fn still_using<T, E: std::fmt::Display>(
    entry: &Entry<T, E>,
    show: impl FnOnce(&T) -> String,
) -> Option<String> {
    entry
        .error
        .as_ref()
        .map(|error| format!("{error} Still using {}.", show(&entry.value)))
}

/// One target field: its label, hook, help, where it lives in the form and how it is edited.
struct Target<T: 'static> {
    label: &'static str,
    testid: &'static str,
    hint: &'static str,
    entry: fn(&Form) -> &Entry<T, NumberError>,
    show: fn(&T) -> String,
    edit: fn(&mut Form, &str),
}

impl<T: 'static> Target<T> {
    /// Renders the field, its text and message derived from the form.
    fn view(self, planner: Planner) -> impl IntoView {
        let Self {
            label,
            testid,
            hint,
            entry,
            show,
            edit,
        } = self;
        let form = planner.form;
        view! {
            <InputField
                label=label
                testid=testid
                hint=hint
                text=Signal::derive(move || form.with(|form| entry(form).text.clone()))
                error=Signal::derive(move || form.with(|form| still_using(entry(form), show)))
                on_input=Callback::new(move |text: String| planner.edit(|form| edit(form, &text)))
            />
        }
    }
}

/// Quota, average deal size and planned traffic fields.
#[component]
pub fn TargetsPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let quota = Target {
        label: "Revenue quota",
        testid: "quota",
        hint: "New revenue to close in the planning period.",
        entry: |form| &form.quota,
        show: |money: &Money| money.to_display(),
        edit: Form::set_quota,
    };
    let deal = Target {
        label: "Average deal size",
        testid: "deal",
        hint: "Revenue from one closed-won deal.",
        entry: |form| &form.deal_size,
        show: |money: &Money| money.to_display(),
        edit: Form::set_deal_size,
    };
    let traffic = Target {
        label: "Planned traffic",
        testid: "traffic",
        hint: "Volume you expect to enter the top stage in the period, for the forecast.",
        entry: |form| &form.traffic,
        show: |volume: &Volume| volume.to_display(),
        edit: Form::set_traffic,
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
