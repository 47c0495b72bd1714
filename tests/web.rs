//! In-browser tests (wasm-bindgen-test in Chromium): the browser glue and the mounted app.
//!
//! Run with `make test-wasm`. Leptos updates the DOM asynchronously, so every check after an
//! event first waits for the reactive system with `tick`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use funnel_planner::App;
use funnel_planner::browser::storage::{self, PLAN_KEY, UNREADABLE_KEY, WORKSPACE_KEY};
use funnel_planner::codec::saved::{self, Stored};
use funnel_planner::codec::workspace;
use funnel_planner::model::Scenario;
use funnel_planner::model::workspace::{ScenarioName, Workspace};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn local_storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn by_testid(testid: &str) -> web_sys::Element {
    window()
        .document()
        .unwrap()
        .query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {testid}"))
}

fn value_of(testid: &str) -> String {
    by_testid(testid).get_attribute("data-value").unwrap()
}

fn type_into(testid: &str, text: &str) {
    let input: web_sys::HtmlInputElement = by_testid(testid).dyn_into().unwrap();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Waits until the whole page is mounted: the headline and the stage table come first, the
/// rest (inputs, panels) a frame later.
async fn mounted() {
    until(|| {
        window()
            .document()
            .and_then(|document| {
                document
                    .query_selector("[data-testid=\"quota\"]")
                    .ok()
                    .flatten()
            })
            .is_some()
    })
    .await;
}

/// Waits until `done` holds, checking every 20 ms for at most 5 s.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..250 {
        if done() {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// Mounts the app into a fresh element, after putting `fragment` in the address bar.
fn mount_with_fragment(fragment: &str) -> leptos::mount::UnmountHandle<impl Mountable> {
    let history = window().history().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("#{fragment}")),
        )
        .unwrap();
    let document = window().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host, App)
}

#[wasm_bindgen_test]
fn storage_keeps_unreadable_text_and_reads_back_saved_plans() {
    let storage_area = local_storage();
    storage_area.clear().unwrap();
    storage_area
        .set_item(WORKSPACE_KEY, "{\"version\":4,")
        .unwrap();
    let Stored::Unreadable { kept, .. } = storage::load() else {
        panic!("corrupt text must read as unreadable");
    };
    assert!(kept);
    assert_eq!(
        storage_area.get_item(UNREADABLE_KEY).unwrap().as_deref(),
        Some("{\"version\":4,")
    );

    let plan = Scenario::starting(funnel_planner::browser::clock::this_month());
    let name = ScenarioName::new("Baseline").unwrap();
    let saved_workspace = Workspace::new(name, plan, Vec::new());
    storage::save(&workspace::encode(
        &funnel_planner::browser::json::BrowserJson,
        &saved_workspace,
    ))
    .unwrap();
    let Stored::Workspace(read) = storage::load() else {
        panic!("a saved workspace reads back");
    };
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert!(!read.migrated);
    assert_eq!(read.workspace, saved_workspace);
    // A copy goes beside an earlier, different copy, never over it.
    assert_eq!(storage::keep_copy("k", "one").unwrap(), "k");
    assert_eq!(storage::keep_copy("k", "one").unwrap(), "k");
    let beside = storage::keep_copy("k", "two").unwrap();
    assert!(beside.starts_with("k."), "{beside}");
    assert_eq!(storage_area.get_item("k").unwrap().as_deref(), Some("one"));
    storage_area.clear().unwrap();
    assert_eq!(storage::load(), Stored::Empty);
}

#[wasm_bindgen_test]
async fn app_shows_a_linked_plan_and_follows_typing() {
    local_storage().clear().unwrap();
    let handle = mount_with_fragment("quota=1000000&deal=30000&stages=SQLs,Won:25");
    mounted().await;
    settle().await;
    assert_eq!(value_of("deals-needed"), "34");
    assert_eq!(value_of("need-0"), "136");

    type_into("quota", "2,000,000");
    settle().await;
    // 2,000,000 ÷ 30,000 = 66.7 → 67 deals; ÷ 25 % = 268 SQLs.
    assert_eq!(value_of("deals-needed"), "67");
    assert_eq!(value_of("need-0"), "268");
    // The address and storage are written once the edit is on screen.
    until(|| {
        window()
            .location()
            .hash()
            .unwrap()
            .contains("quota=2000000")
    })
    .await;
    let hash = window().location().hash().unwrap();
    assert!(hash.contains("quota=2000000"), "{hash}");
    let saved = local_storage().get_item(WORKSPACE_KEY).unwrap().unwrap();
    assert!(saved.contains("\"quota\":\"2000000\""), "{saved}");
    // Leaving the field ends the edit: 2,000,000 is now the value before the next one.
    by_testid("quota")
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();

    type_into("quota", "lots");
    settle().await;
    assert_eq!(
        value_of("deals-needed"),
        "67",
        "bad text keeps the last valid quota"
    );
    let message = by_testid("quota-error").text_content().unwrap();
    assert!(
        message.contains("\u{201c}lots\u{201d} is not a number"),
        "{message}"
    );
    assert!(
        message.contains("Still using 2,000,000, the value before this edit."),
        "{message}"
    );
    // Leaving the page writes at once: the bad text is saved beside the plan, and links carry
    // valid values only.
    window()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    let saved = local_storage().get_item(WORKSPACE_KEY).unwrap().unwrap();
    assert!(saved.contains("\"drafts\":{\"quota\":\"lots\"}"), "{saved}");
    let hash = window().location().hash().unwrap();
    assert!(hash.contains("quota=2000000"), "{hash}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn stage_buttons_add_move_and_remove_stages() {
    local_storage().clear().unwrap();
    let handle = mount_with_fragment("stages=Leads,MQLs:20,Won:10&quota=100&deal=1");
    mounted().await;
    settle().await;
    let click = |testid: &str| {
        let button: web_sys::HtmlElement = by_testid(testid).dyn_into().unwrap();
        button.click();
    };
    let name = |index: usize| {
        let input: web_sys::HtmlInputElement = by_testid(&format!("stage-name-{index}"))
            .dyn_into()
            .unwrap();
        input.value()
    };
    click("stage-add");
    settle().await;
    assert_eq!(name(2), "New stage");
    assert_eq!(name(3), "Won");
    click("stage-up-2");
    settle().await;
    assert_eq!(
        (name(1), name(2)),
        ("New stage".to_owned(), "MQLs".to_owned())
    );
    click("stage-remove-1");
    settle().await;
    assert_eq!(
        (name(0), name(1), name(2)),
        ("Leads".into(), "MQLs".into(), "Won".into())
    );
    // 100 deals ÷ 10 % = 1,000 MQLs ÷ 20 % = 5,000 leads.
    assert_eq!(value_of("need-0"), "5000");
    drop(handle);
}

#[wasm_bindgen_test]
fn the_browser_knows_every_currency_the_planner_accepts() {
    let known: Vec<String> =
        js_sys::Intl::supported_values_of(js_sys::Intl::SupportedValuesKey::Currency)
            .iter()
            .filter_map(|code| code.as_string())
            .collect();
    let unknown: Vec<&str> = funnel_planner::model::currency::codes()
        .filter(|code| !known.iter().any(|k| k == code))
        .collect();
    assert_eq!(unknown, Vec::<&str>::new());
}

#[wasm_bindgen_test]
fn the_browsers_json_reads_and_writes_saved_plans_as_serde_json_did() {
    use funnel_planner::browser::json::BrowserJson;
    use funnel_planner::model::{Local, YearMonth};
    let today = Local::from(YearMonth::parse("2026-11").unwrap());
    let plan = Scenario::starting(today);
    let drafts = [("deal".to_owned(), "450%".to_owned())];
    let text = saved::encode(&BrowserJson, &plan, &drafts);
    // The same compact text serde_json wrote: version, the link's parameters, the drafts.
    assert!(text.starts_with(r#"{"version":3,"plan":{"#), "{text}");
    assert!(text.ends_with(r#""drafts":{"deal":"450%"}}"#), "{text}");
    let read = saved::decode(&BrowserJson, &text, today).unwrap();
    assert_eq!((read.scenario, read.drafts), (plan, drafts.to_vec()));
    // Version 2, as issue 3's page wrote it, still opens.
    let v2 = r#"{"version":2,"scenario":{"quota":1000000,"deal":25000,"traffic":200000,"round":"stage","stages":[{"name":"Visitors"},{"name":"Leads","rate":2.5}],"period":"quarter","existing":0,"share":100,"reps":5,"repquota":250000,"attain":100,"cpl":100,"channels":[],"start":"2027-01","cycle":0,"followup":24}}"#;
    let read = saved::decode(&BrowserJson, v2, today).unwrap();
    assert_eq!(
        read.scenario.funnel.rate_into(1).unwrap().percent_plain(),
        "2.5"
    );
    // What cannot be read says why, in the page's words.
    let error = |text: &str| {
        saved::decode(&BrowserJson, text, today)
            .unwrap_err()
            .to_string()
    };
    assert!(
        error("{not json").contains("it is not valid JSON: "),
        "{}",
        error("{not json")
    );
    assert!(error("null").contains(funnel_planner::model::wording::NOT_THE_SHAPE));
    assert!(error(r#"{"version":"3"}"#).contains(funnel_planner::model::wording::NOT_THE_SHAPE));
    assert!(
        error(r#"{"version":3,"scenario":{}}"#)
            .contains(funnel_planner::model::wording::NOT_THE_SHAPE)
    );
    // JSON.parse reads 1e999 as infinity: refused with a problem, never a quota of 0.
    let huge = v2.replace(r#""quota":1000000"#, r#""quota":1e999"#);
    let read = saved::decode(&BrowserJson, &huge, today).unwrap();
    assert_eq!(read.scenario.quota, Scenario::default_quota());
    let problem = read.problems[0].message("saved plan");
    assert!(
        problem.starts_with("The saved plan's quota \u{201c}infinite\u{201d}"),
        "{problem}"
    );
}

#[wasm_bindgen_test]
fn an_old_plan_with_problems_migrates_and_its_key_is_left_untouched() {
    let storage_area = local_storage();
    storage_area.clear().unwrap();
    let v2 = r#"{"version":2,"scenario":{"quota":-5,"deal":25000,"traffic":200000,"round":"stage","stages":[{"name":"Visitors"},{"name":"Leads","rate":2.5}]}}"#;
    storage_area.set_item(PLAN_KEY, v2).unwrap();
    let Stored::Workspace(read) = storage::load() else {
        panic!("a plan with one bad value is migrated, with a problem");
    };
    assert!(read.migrated);
    assert_eq!(read.problems.len(), 1, "{:?}", read.problems);
    let plan = &read.workspace.current().plan;
    assert_eq!(plan.quota, Scenario::default_quota());
    assert_eq!(
        plan.deal_size,
        funnel_planner::model::Money::from_units(25_000).unwrap()
    );
    // Migration reads the old key once and never writes or removes it.
    assert_eq!(
        storage_area.get_item(PLAN_KEY).unwrap().as_deref(),
        Some(v2)
    );
    assert_eq!(storage_area.get_item(WORKSPACE_KEY).unwrap(), None);
    // Nothing is ever written as empty text over a workspace.
    assert!(storage::save("").is_err());
    assert!(storage::keep_copy("k", "").is_err());
    storage_area.clear().unwrap();
}
