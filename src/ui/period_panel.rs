//! The period, its first month, revenue from existing customers and who sources the deals.

use leptos::prelude::*;

use super::field_input::FieldInput;
use super::state::Planner;
use crate::browser::clock;
use crate::model::wording::labels;
use crate::model::{Edit, Field, FieldKey, FieldText, Period};

/// Period, first month, existing revenue and marketing-sourced share.
#[component]
pub fn PeriodPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let period = Memo::new(move |_| planner.scenario.with(|s| s.period));
    let choose = move |event| {
        let start_key = FieldKey::Field(Field::Start);
        let (from, start, start_valid) = planner.form.with_untracked(|form| {
            (
                form.scenario().period,
                form.scenario().timing.start,
                !form.text(start_key).is_some_and(FieldText::is_invalid),
            )
        });
        planner.edit(Edit::Type(
            FieldKey::Field(Field::Period),
            event_target_value(&event),
        ));
        // A first month still at its default moves to the new period's default.
        let to = planner.scenario.with_untracked(|s| s.period);
        let moved = start.follow_period(from, to, clock::this_month());
        if moved != start && start_valid {
            planner.edit(Edit::Type(start_key, moved.to_string()));
            planner.commit(start_key);
        }
    };
    let style = planner.style();
    let summary = move || {
        let style = style.read();
        planner.scenario.with(|s| {
            format!(
                "{} from {} \u{b7} existing {} \u{b7} marketing sources {}",
                s.period.label(),
                s.timing.start.label(),
                style.amount(s.existing_amount()),
                style.percent_text(&s.marketing_share.percent_plain())
            )
        })
    };
    view! {
        <details class="panel section" data-testid="section-period">
            <summary>
                <h2>{labels::period_panel::PERIOD_AND_SOURCING}</h2>
                <span class="section-summary">{Signal::derive(summary)}</span>
            </summary>
            <div class="field-grid">
                <div class="field">
                    <label for="period">{Field::Period.spec().label}</label>
                    <p class="hint">{Field::Period.spec().hint}</p>
                    <select id="period" data-testid="period" on:change=choose prop:value=move || period.get().as_str()>
                        {Period::ALL
                            .into_iter()
                            .map(|p| view! { <option value=p.as_str() selected=move || period.get() == p>{p.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <FieldInput planner field=Field::Start/>
                <FieldInput planner field=Field::Existing/>
                <FieldInput planner field=Field::Share/>
            </div>
        </details>
    }
}
