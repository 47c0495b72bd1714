//! Taking the plan elsewhere: the stage table as a CSV file or as tab-separated text on the
//! clipboard, and the whole plan as a JSON file in the workspace format.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::Planner;
use crate::browser::{clipboard, download};
use crate::codec::table::{self, Table};
use crate::model::wording::{self, labels::table_export as labels};

/// The stage table as the page shows it now.
fn stage_table(planner: Planner) -> Table {
    planner.scenario.with_untracked(|scenario| {
        planner
            .stages()
            .with_untracked(|stages| table::stage_table(scenario, stages))
    })
}

/// Downloads `text` as `file_name` through `download` (CSV or JSON) and says how it went in
/// `status`.
pub(super) fn offer(
    status: RwSignal<String>,
    file_name: &'static str,
    text: &str,
    download: fn(&str, &str) -> Result<(), String>,
) {
    status.set(wording::download_outcome(
        file_name,
        download(file_name, text),
    ));
}

/// Buttons under the stage table: download it as CSV, or copy it for a spreadsheet.
#[component]
pub fn StageTableExport(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let export = move |_| {
        let text = stage_table(planner).csv();
        offer(status, labels::STAGE_FILE, &text, download::download_csv);
    };
    // The scenario and the text of its fields that is not valid yet, as storage keeps them.
    let export_json = move |_| {
        let text = planner.scenario_json();
        offer(status, labels::PLAN_FILE, &text, download::download_json);
    };
    let copy = move |_| {
        let text = stage_table(planner).tsv();
        status.set(wording::COPYING.to_owned());
        spawn_local(async move {
            status.set(wording::table_copy_outcome(clipboard::copy(&text).await));
        });
    };
    view! {
        <div class="table-export">
            <button type="button" data-testid="export-csv" on:click=export>{labels::DOWNLOAD_STAGE_CSV}</button>
            <button type="button" data-testid="copy-table" on:click=copy>{labels::COPY_STAGE_TABLE}</button>
            <button type="button" data-testid="export-json" on:click=export_json>{labels::DOWNLOAD_PLAN_JSON}</button>
            <span class="copy-status" data-testid="table-export-status" role="status">{status}</span>
        </div>
    }
}
