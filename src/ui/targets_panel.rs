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

/// Derives a field's text and message from the form.
fn field_signals<T: 'static>(
    planner: Planner,
    entry: fn(&Form) -> &Entry<T, NumberError>,
    show: fn(&T) -> String,
) -> (Signal<String>, Signal<Option<String>>) {
    let form = planner.form;
    (
        Signal::derive(move || form.with(|form| entry(form).text.clone())),
        Signal::derive(move || form.with(|form| still_using(entry(form), show))),
    )
}

/// Quota, average deal size and planned traffic fields.
#[component]
pub fn TargetsPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let show_money = |money: &Money| money.to_display();
    let show_volume = |volume: &Volume| volume.to_display();
    let (quota_text, quota_error) = field_signals(planner, |form| &form.quota, show_money);
    let (deal_text, deal_error) = field_signals(planner, |form| &form.deal_size, show_money);
    let (traffic_text, traffic_error) = field_signals(planner, |form| &form.traffic, show_volume);
    view! {
        <section class="panel" aria-labelledby="targets-heading">
            <h2 id="targets-heading">"Targets"</h2>
            <div class="field-grid">
                <InputField
                    label="Revenue quota"
                    testid="quota"
                    hint="New revenue to close in the planning period."
                    text=quota_text
                    error=quota_error
                    on_input=Callback::new(move |text: String| planner.edit(|form| form.set_quota(&text)))
                />
                <InputField
                    label="Average deal size"
                    testid="deal"
                    hint="Revenue from one closed-won deal."
                    text=deal_text
                    error=deal_error
                    on_input=Callback::new(move |text: String| planner.edit(|form| form.set_deal_size(&text)))
                />
                <InputField
                    label="Planned traffic"
                    testid="traffic"
                    hint="Volume you expect to enter the top stage in the period, for the forecast."
                    text=traffic_text
                    error=traffic_error
                    on_input=Callback::new(move |text: String| planner.edit(|form| form.set_traffic(&text)))
                />
            </div>
            <p class="hint">"Type figures as you like: 1,000,000 or 1M, 60k, $25,000."</p>
        </section>
    }
}
