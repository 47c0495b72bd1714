//! The headline answer: what marketing must deliver at its lead stage.

use leptos::prelude::*;

use super::figure::Figure;
use super::state::Planner;
use crate::model::format::Show;
use crate::model::wording;

/// Marketing's lead-stage volume for the period, per month and per week, and what it is for.
#[component]
pub fn Headline(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (scenario, plan) = (planner.scenario, planner.plan);
    let stage_name = move |index: usize| planner.stage_name(index);
    let lead_stage = Memo::new(move |_| planner.budget().with(|b| b.lead_stage));
    let lead = Memo::new(move |_| planner.stages().with(|s| s.get(lead_stage.get()).cloned()));
    let headline = Signal::derive(move || lead.with(|l| l.as_ref().map_or(0.0, |s| s.marketing)));
    let new_target = move || plan.with(|p| p.new_target);
    let style = planner.style();
    let covered = move || {
        scenario.with(|s| s.existing_amount().cents() > 0 && s.new_business_target().cents() == 0)
    };
    view! {
            <div class="headline" data-testid="headline">
                <p class="headline-label">
                    {Signal::derive(move || scenario.with(|s| wording::headline_label(s.period)))}
                </p>
                <p class="headline-value">
                    <Figure testid="headline-value" value=headline show=Show::Count/>
                    " "
                    <span class="headline-unit">{Signal::derive(move || stage_name(lead_stage.get()))}</span>
                </p>
                <p class="headline-note">
                    {Signal::derive(move || lead.get().map(|s| style.with(|style| format!(
                        "{} a month, {} a week",
                        style.count(s.marketing_per_month),
                        style.count(s.marketing_per_week)
                    ))))}
                </p>
                <p class="headline-note" data-testid="headline-note">
                    {Signal::derive(move || if covered() {
                        wording::QUOTA_COVERED.to_owned()
                    } else {
                        scenario.with(|s| style.with(|style| format!(
                            "to close {} of new business at {} per deal; marketing sources {} of deals",
                            style.money(new_target()),
                            style.amount(s.deal_size),
                            style.percent(s.marketing_share.fraction())
                        )))
                    })}
                </p>
            </div>
    }
}
