//! The period, its first month, revenue from existing customers and who sources the deals.

use leptos::prelude::*;

use super::form_field::FormField;
use super::state::Planner;
use crate::browser::clock;
use crate::model::{Form, Money, Period, Share, YearMonth};

/// Period, first month, existing revenue and marketing-sourced share.
#[component]
pub fn PeriodPanel(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let form = planner.form;
    let period = Memo::new(move |_| form.with(|form| form.period));
    let choose = move |event| {
        if let Some(period) = Period::from_name(&event_target_value(&event)) {
            let today = clock::this_month();
            planner.edit(|form| {
                // A first month still at its default moves to the new period's default.
                let start = form.start.value;
                let moved = start.follow_period(form.period, period, today);
                form.period = period;
                if moved != start && !form.start.is_invalid() {
                    form.set_start(&moved.to_string());
                }
            });
        }
    };
    let summary = move || {
        planner.scenario.with(|s| {
            format!(
                "{} from {} \u{b7} existing {} \u{b7} marketing sources {} %",
                s.period.label(),
                s.timing.start.label(),
                s.existing.to_display(),
                s.marketing_share.percent_plain()
            )
        })
    };
    let start = FormField {
        label: "First month of the period",
        testid: "start",
        hint: "2027-01, Jan 2027 or Q1 2027. Quarters and years may start in any month (fiscal \
               years). A new plan starts with the next period that has not started.",
        entry: |form| &form.start,
        show: YearMonth::to_string,
        edit: Form::set_start,
        unit: None,
    };
    let existing = FormField {
        label: "Revenue from existing customers",
        testid: "existing",
        hint: "Renewals, upsell and cross-sell expected in the period. New business covers the rest.",
        entry: |form| &form.existing,
        show: |money: &Money| money.to_display(),
        edit: Form::set_existing,
        unit: None,
    };
    let share = FormField {
        label: "Deals sourced by marketing",
        testid: "share",
        hint: "The rest are sourced by sales: outbound, referrals, partners. Benchmarks range from 25 % to 70 %.",
        entry: |form| &form.marketing_share,
        show: |share: &Share| format!("{} %", share.percent_plain()),
        edit: Form::set_marketing_share,
        unit: Some("%"),
    };
    view! {
        <details class="panel section" data-testid="section-period">
            <summary>
                <h2>"Period and sourcing"</h2>
                <span class="section-summary">{summary}</span>
            </summary>
            <div class="field-grid">
                <div class="field">
                    <label for="period">"Planning period"</label>
                    <p class="hint">"The quota is for this period."</p>
                    <select id="period" data-testid="period" on:change=choose prop:value=move || period.get().as_str()>
                        {Period::ALL
                            .into_iter()
                            .map(|p| view! { <option value=p.as_str() selected=move || period.get() == p>{p.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                {start.view(planner)}
                {existing.view(planner)}
                {share.view(planner)}
            </div>
        </details>
    }
}
