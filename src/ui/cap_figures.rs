//! What a capped marketing budget affords, against the plan.

use leptos::prelude::*;

use super::figure::Figure;
use super::state::Planner;
use crate::model::format;

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
    let cap_sentence = move || {
        budget.with(|b| {
            b.cap.as_ref().map(|cap| {
                if cap.budget_gap > 0.5 {
                    format!(
                        "The cap is {} short of the plan's budget: it buys {} {}, enough for about {} deals.",
                        format::money(cap.budget_gap),
                        format::count(cap.leads),
                        lead_name(),
                        format::one_decimal(cap.deals)
                    )
                } else {
                    format!(
                        "The cap covers the plan with {} to spare.",
                        format::money(-cap.budget_gap)
                    )
                }
            })
        })
    };
    view! {
            <Show when=move || has_cap.get()>
                <dl class="key-figures">
                    <div>
                        <dt>{Signal::derive(move || format!("{} the cap affords", lead_name()))}</dt>
                        <dd><Figure testid="affordable-leads" value=cap_figure(|c| c.leads) display=format::count/></dd>
                    </div>
                    <div>
                        <dt>"Deals they yield"</dt>
                        <dd><Figure testid="affordable-deals" value=cap_figure(|c| c.deals) display=format::one_decimal/></dd>
                    </div>
                    <div>
                        <dt>"Revenue they yield"</dt>
                        <dd><Figure testid="affordable-revenue" value=cap_figure(|c| c.revenue) display=format::money/></dd>
                    </div>
                    <div>
                        <dt>"Budget gap"</dt>
                        <dd><Figure testid="budget-gap" value=cap_figure(|c| c.budget_gap) display=format::money/></dd>
                        <dd class="note">"budget needed \u{2212} cap"</dd>
                    </div>
                </dl>
                <p class="sentence" data-testid="cap-sentence">{Signal::derive(cap_sentence)}</p>
            </Show>
    }
}
