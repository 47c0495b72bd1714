//! The printed handout's own parts: a dateline, the assumptions written out, and the share
//! link with its QR code. They show only in print; the print stylesheet keeps the headline,
//! the stage table, the funnel chart, the agreement and the month plan beside them, on one
//! page.

use std::time::Duration;

use leptos::prelude::*;

use super::state::Planner;
use crate::browser::{address, clock};
use crate::chart::qr::qr_path;
use crate::codec::link;
use crate::model::wording::{handout, labels::handout as words};

/// How long input must rest before the handout's link and QR code are brought up to date.
const SETTLE: Duration = Duration::from_millis(400);

/// The handout's print-only header (title is the page's), assumptions and link with QR code.
#[component]
pub fn Handout(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let (scenario, style) = (planner.scenario, planner.style());
    // The link and its QR code follow the plan once input rests (encoding a QR code on every
    // keystroke would cost the edit), and at once before printing.
    let link = RwSignal::new(String::new());
    let generation = StoredValue::new(0_u64);
    let refresh = move || {
        let url = address::share_url(&link::encode(&scenario.get_untracked()));
        if link.get_untracked() != url {
            link.set(url);
        }
    };
    Effect::new(move || {
        scenario.track();
        let run = generation.get_value().wrapping_add(1);
        generation.set_value(run);
        set_timeout(
            move || {
                if generation.try_get_value() == Some(run) {
                    refresh();
                }
            },
            SETTLE,
        );
    });
    let _ = window_event_listener_untyped("beforeprint", move |_| refresh());
    let qr = Memo::new(move |_| link.with(|url| qr_path(url)));
    let today = clock::today_iso();
    let dateline = move || scenario.with(|s| handout::dateline(&today, s.currency.as_str()));
    let assumptions = move || {
        style.with(|style| {
            scenario.with(|s| {
                handout::assumptions(style, s)
                    .into_iter()
                    .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="handout print-only" data-testid="handout" aria-label=words::HANDOUT>
            <p class="handout-dateline" data-testid="handout-dateline">{dateline}</p>
            <h3>{words::ASSUMPTIONS}</h3>
            <dl class="handout-assumptions" data-testid="handout-assumptions">{assumptions}</dl>
            <div class="handout-link">
                <div>
                    <h3>{words::THIS_PLAN_ONLINE}</h3>
                    <p class="handout-url" data-testid="handout-link">{move || link.get()}</p>
                </div>
                {move || qr.get().map(|(path, width)| {
                    let size = width + 8;
                    view! {
                        <svg class="qr" data-testid="handout-qr" role="img" aria-label=words::QR_LABEL
                            viewBox=format!("-4 -4 {size} {size}") shape-rendering="crispEdges">
                            <path d=path fill="currentColor"/>
                        </svg>
                    }
                })}
            </div>
        </section>
    }
}
