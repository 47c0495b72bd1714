//! What a capped marketing budget affords, against the plan.

use leptos::prelude::*;

use super::figure::Figure;
use super::shown::shown;
use super::state::Planner;
use crate::model::format::Show;
use crate::model::wording::{self, labels};

/// Leads, deals and revenue the budget cap affords, and the gap. Hidden without a cap.
#[component]
pub fn CapFigures(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let budget = planner.budget();
    let lead_name = move || planner.lead_stage_name();
    let has_cap = Memo::new(move |_| budget.with(|b| b.cap.is_some()));
    let cap_figure = move |f: fn(&crate::model::budget::Affordable) -> f64| {
        Signal::derive(move || budget.with(|b| b.cap.as_ref().map_or(0.0, f)))
    };
    let style = planner.style();
    let cap_sentence = move || {
        let style = style.read();
        budget.with(|b| {
            b.cap.as_ref().map(|cap| {
                wording::cap_sentence(&style, cap.budget_gap, cap.leads, &lead_name(), cap.deals)
            })
        })
    };
    view! {
            {shown(move || has_cap.get(), move || view! {
                <dl class="key-figures">
                    <div>
                        <dt>{Signal::derive(move || format!("{} the cap affords", lead_name()))}</dt>
                        <dd><Figure testid="affordable-leads" value=cap_figure(|c| c.leads) show=Show::Count/></dd>
                    </div>
                    <div>
                        <dt>{labels::cap_figures::DEALS_THEY_YIELD}</dt>
                        <dd><Figure testid="affordable-deals" value=cap_figure(|c| c.deals) show=Show::OneDecimal/></dd>
                    </div>
                    <div>
                        <dt>{labels::cap_figures::REVENUE_THEY_YIELD}</dt>
                        <dd><Figure testid="affordable-revenue" value=cap_figure(|c| c.revenue) show=Show::Money/></dd>
                    </div>
                    <div>
                        <dt>{labels::cap_figures::BUDGET_GAP}</dt>
                        <dd><Figure testid="budget-gap" value=cap_figure(|c| c.budget_gap) show=Show::Money/></dd>
                        <dd class="note">{labels::cap_figures::BUDGET_NEEDED_CAP}</dd>
                    </div>
                </dl>
                <p class="sentence" data-testid="cap-sentence">{Signal::derive(cap_sentence)}</p>
            }.into_any())}
    }
}
