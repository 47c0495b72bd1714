//! Marketing's leads and budget split by channel.

use leptos::prelude::*;

use super::figure::Figure;
use super::rows::rows;
use super::state::Planner;
use crate::model::format::Show;
use crate::model::wording::labels;

/// One row per channel: share, lead-stage volume and budget. Hidden without channels.
#[component]
pub fn ChannelTable(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (scenario, budget) = (planner.scenario, planner.budget());
    let lead_name = move || planner.lead_stage_name();
    let channel_count = Memo::new(move |_| scenario.with(|s| s.costs.channels.len()));
    view! {
            <Show when=move || { channel_count.get() > 0 }>
                <div class="table-scroll" tabindex="0" role="region" aria-label=labels::channel_table::BY_CHANNEL>
                <table class="results" data-testid="channel-table">
                    <caption>{labels::channel_table::BY_CHANNEL}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{labels::channel_table::CHANNEL}</th>
                            <th scope="col" class="num">{labels::channel_table::SHARE}</th>
                            <th scope="col" class="num">{Signal::derive(lead_name)}</th>
                            <th scope="col" class="num">{labels::channel_table::BUDGET}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows(channel_count, move |index| {
                                let channel = move |f: fn(&crate::model::budget::ChannelPlan) -> f64| {
                                    Signal::derive(move || budget.with(|b| b.channels.get(index).map_or(0.0, f)))
                                };
                                let label = move || scenario.with(|s| budget.with(|b| s.costs.channels.get(index).zip(b.channels.get(index)).map(|(c, part)| (c.name.to_string(), planner.style().with(|style| Show::PercentPoints.full(style, part.share * 100.0)))).unwrap_or_default()));
                                view! {
                                    <tr>
                                        <th scope="row">{Signal::derive(move || label().0)}</th>
                                        <td class="num">{Signal::derive(move || label().1)}</td>
                                        <td class="num"><Figure testid=format!("channel-leads-{index}") value=channel(|c| c.leads) show=Show::OneDecimal/></td>
                                        <td class="num"><Figure testid=format!("channel-budget-{index}") value=channel(|c| c.budget) show=Show::Money/></td>
                                    </tr>
                                }
                                .into_any()
                            })}
                    </tbody>
                </table>
                </div>
            </Show>
    }
}
