//! What a capped marketing budget affords, against the plan.

use leptos::prelude::*;

use super::figure::Figure;
use super::state::Planner;
use crate::model::format::Show;

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
                if cap.budget_gap > 0.5 {
                    format!(
                        "The cap is {} short of the plan's budget: it buys {} {}, enough for about {} deals.",
                        style.money(cap.budget_gap),
                        style.count(cap.leads),
                        lead_name(),
                        style.one_decimal(cap.deals)
                    )
                } else {
                    format!(
                        "The cap covers the plan with {} to spare.",
                        style.money(-cap.budget_gap)
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
                        <dd><Figure testid="affordable-leads" value=cap_figure(|c| c.leads) show=Show::Count/></dd>
                    </div>
                    <div>
                        <dt>"Deals they yield"</dt>
                        <dd><Figure testid="affordable-deals" value=cap_figure(|c| c.deals) show=Show::OneDecimal/></dd>
                    </div>
                    <div>
                        <dt>"Revenue they yield"</dt>
                        <dd><Figure testid="affordable-revenue" value=cap_figure(|c| c.revenue) show=Show::Money/></dd>
                    </div>
                    <div>
                        <dt>"Budget gap"</dt>
                        <dd><Figure testid="budget-gap" value=cap_figure(|c| c.budget_gap) show=Show::Money/></dd>
                        <dd class="note">"budget needed \u{2212} cap"</dd>
                    </div>
                </dl>
                <p class="sentence" data-testid="cap-sentence">{Signal::derive(cap_sentence)}</p>
            </Show>
    }
}
