//! Taking the month plan to a spreadsheet as a CSV file.

use leptos::prelude::*;

use super::state::Planner;
use super::table_export::offer;
use crate::browser::download;
use crate::codec::table;
use crate::model::monthly::Sources;
use crate::model::wording::labels::table_export as labels;

/// A button under the month table: download the month plan, for the volumes shown, as CSV.
#[component]
pub fn MonthTableExport(
    /// The planner's state.
    planner: Planner,
    /// Whose volumes the month table shows; the file holds the same.
    sources: RwSignal<Sources>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let export = move |_| {
        let sources = sources.get_untracked();
        let text = planner.scenario.with_untracked(|scenario| {
            planner.months().with_untracked(|months| {
                planner.stages().with_untracked(|stages| {
                    table::month_table(scenario, months, stages, sources).csv()
                })
            })
        });
        offer(status, labels::MONTH_FILE, &text, download::download_csv);
    };
    view! {
        <div class="table-export">
            <button type="button" data-testid="export-month-csv" on:click=export>{labels::DOWNLOAD_MONTH_CSV}</button>
            <span class="copy-status" data-testid="month-export-status" role="status">{status}</span>
        </div>
    }
}
