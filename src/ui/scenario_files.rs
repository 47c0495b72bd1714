//! Moving scenarios in and out: import an exported JSON file (checked whole, adding and
//! never replacing), and download every scenario as one JSON file.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::state::Planner;
use super::table_export::offer;
use crate::browser::file::{self, ReadError};
use crate::browser::json::BrowserJson;
use crate::browser::{download, locale};
use crate::codec::workspace::{self, MAX_IMPORT_BYTES};
use crate::model::wording::labels::scenario_bar as words;

/// What came of an import: a sentence, and the problems that stopped it, one per line.
#[derive(Clone, Default, PartialEq)]
pub struct Outcome {
    /// What happened.
    pub said: String,
    /// Every problem found, when nothing was imported.
    pub problems: Vec<String>,
}

/// Reads the file chosen in the import field and adds its scenarios, or lists every problem
/// with it; the field is cleared, so that choosing the same file again imports it again.
fn import_chosen(planner: Planner, input: web_sys::HtmlInputElement, outcome: RwSignal<Outcome>) {
    outcome.set(Outcome {
        said: words::IMPORTING.to_owned(),
        problems: Vec::new(),
    });
    spawn_local(async move {
        let read = file::read_chosen(&input, MAX_IMPORT_BYTES).await;
        input.set_value("");
        let problems = match read {
            None => return outcome.set(Outcome::default()),
            Some(Err(ReadError::TooLarge(bytes))) => {
                vec![workspace::too_large(bytes).unwrap_or_default()]
            }
            Some(Err(ReadError::Failed(reason))) => vec![words::unreadable_file(&reason)],
            Some(Ok(text)) => match workspace::import(&BrowserJson, &text, locale::local()) {
                Ok(entries) => {
                    let names = planner.import_scenarios(entries);
                    return outcome.set(Outcome {
                        said: words::imported(&names),
                        problems: Vec::new(),
                    });
                }
                Err(problems) => problems,
            },
        };
        outcome.set(Outcome {
            said: words::NOT_IMPORTED.to_owned(),
            problems,
        });
    });
}

/// The import field and the download-all button.
#[component]
pub fn ScenarioFiles(
    /// The planner's state.
    planner: Planner,
    /// What came of the last import, shown by the caller.
    outcome: RwSignal<Outcome>,
    /// What came of the last download, shown by the caller.
    export_status: RwSignal<String>,
) -> impl IntoView {
    let export_all = move |_| {
        let text = planner.workspace_json();
        offer(
            export_status,
            words::WORKSPACE_FILE,
            &text,
            download::download_json,
        );
    };
    view! {
        <label class="button-like secondary">
            {words::IMPORT}
            <input type="file" accept=".json,application/json"
                data-testid="import-json"
                on:change=move |event| {
                    if let Some(input) = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        import_chosen(planner, input, outcome);
                    }
                }/>
        </label>
        <button type="button" class="secondary" data-testid="export-workspace"
            on:click=export_all>{words::DOWNLOAD_ALL}</button>
    }
}
