//! Marketing's leads and budget split by channel.

use leptos::prelude::*;

use super::figure::figure;
use super::rows::rows;
use super::shown::shown;
use super::state::Planner;
use crate::model::budget::ChannelPlan;
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
    let style = planner.style();
    let channel_count = Memo::new(move |_| scenario.with(|s| s.costs.channels.len()));
    view! {
            {shown(move || { channel_count.get() > 0 }, move || view! {
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
                                // The channel's name alone, so edits elsewhere do not redraw the row.
                                let name = Memo::new(move |_| planner.channel_name(index));
                                // The whole row from one closure: an edit re-runs it once.
                                let row = move || budget.with(|b| style.with(|style| {
                                    let part = b.channels.get(index);
                                    let value = |f: fn(&ChannelPlan) -> f64| Some(part.map_or(0.0, f));
                                    let name = name.get();
                                    let share = part.map(|part| Show::PercentPoints.full(style, part.share * 100.0)).unwrap_or_default();
                                    view! {
                                        <tr>
                                            <th scope="row">{name}</th>
                                            <td class="num">{share}</td>
                                            <td class="num">{figure(format!("channel-leads-{index}"), value(|c| c.leads), Show::OneDecimal, style)}</td>
                                            <td class="num">{figure(format!("channel-budget-{index}"), value(|c| c.budget), Show::Money, style)}</td>
                                        </tr>
                                    }
                                }));
                                row.into_any()
                            })}
                    </tbody>
                </table>
                </div>
            }.into_any())}
    }
}
