//! A chart on a canvas: sized by its container, crisp on high-density screens, redrawn in the next
//! animation frame after its data, its width or the theme changes, with the plotted values in
//! `data-series` and the key numbers in `aria-label`.

use std::rc::Rc;
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::shown::shown;
use crate::browser::canvas::Crisp;
use crate::chart::{DARK, LIGHT, Palette};
use crate::model::wording::labels;

/// The canvas's width in CSS pixels assumed before its first drawing. The canvas is as wide
/// as its section and as high as its backing store's aspect ratio makes it (no inline style,
/// which the page's Content-Security-Policy would need to allow): each drawing sizes the
/// backing store to the CSS width × the chart's height, so the height is the chart's own,
/// changed together with the drawing, never a frame before it.
const ASSUMED_WIDTH: u32 = 800;

/// Whether the page shows its dark theme; provided by the app, read by every chart.
#[derive(Clone, Copy)]
pub struct Dark(pub Signal<bool>);

/// What a chart shows of its data: the plotted values as JSON, the accessible description,
/// the height in CSS pixels.
pub struct ChartText<T> {
    /// The `data-series` hook's JSON.
    pub series: fn(&T) -> String,
    /// The canvas's `aria-label`: what the chart shows, with its key numbers.
    pub label: Box<dyn Fn(&T) -> String + Send + Sync>,
    /// The canvas's height in CSS pixels.
    pub height: fn(&T) -> u32,
}

/// A canvas with test id `testid` drawing `data` with `draw`, its type `zoom` times the
/// page's (1 on the page; meeting mode enlarges).
pub fn chart_canvas<T>(
    testid: &'static str,
    data: Memo<T>,
    text: ChartText<T>,
    zoom: u32,
    draw: impl Fn(&DrawingArea<Crisp, Shift>, &T, &Palette) + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let canvas = NodeRef::<html::Canvas>::new();
    let width = RwSignal::new(0_u32);
    let dark = use_context::<Dark>().map_or(Signal::stored(false), |dark| dark.0);
    // The canvas's CSS width, from a ResizeObserver: read after layout, so it never forces one.
    // The observer and its callback live until the chart goes.
    let observing =
        StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn Fn(js_sys::Array)>)>);
    canvas.on_load(move |element| {
        let observe = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a CSS width of a few thousand pixels, floored at 0"
                )]
                let css = entry.content_rect().width().round().max(0.0) as u32;
                if width.get_untracked() != css {
                    width.set(css);
                }
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(observe.as_ref().unchecked_ref()) {
            observer.observe(&element);
            observing.set_value(Some((observer, observe)));
        }
    });
    on_cleanup(move || {
        observing.try_with_value(|stored| {
            if let Some((observer, _)) = stored {
                observer.disconnect();
            }
        });
    });
    let ChartText {
        series,
        label,
        height,
    } = text;
    // What to draw next, and whether a drawing is already scheduled.
    let next = StoredValue::new_local(None::<(u32, T, bool)>);
    let scheduled = StoredValue::new_local(false);
    let draw = Rc::new(draw);
    // A change schedules one drawing, in a task after the next animation frame: the edit's
    // figures paint first, and the chart follows a frame later with the latest data (edits
    // within a frame draw once). Nothing is drawn while the canvas has no width (hidden).
    Effect::new(move || {
        let (css_width, shown, dark) = (width.get(), data.get(), dark.get());
        if css_width == 0 {
            return;
        }
        next.set_value(Some((css_width, shown, dark)));
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        let draw = Rc::clone(&draw);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // The chart may have gone (meeting mode left, the comparison closed)
                    // since this was scheduled: then there is nothing to draw, and nothing of
                    // it may be touched.
                    let _ = scheduled.try_set_value(false);
                    let (Some(element), Some((css_width, shown, dark))) = (
                        canvas.try_get_untracked().flatten(),
                        next.try_update_value(Option::take).flatten(),
                    ) else {
                        return;
                    };
                    let height = (height(&shown) * zoom).max(1);
                    if let Some(backend) = Crisp::new(&element, css_width, height, zoom) {
                        let area = backend.into_drawing_area();
                        draw(&area, &shown, if dark { &DARK } else { &LIGHT });
                        let _ = area.present();
                    }
                },
                Duration::ZERO,
            );
        });
    });
    view! {
        <canvas
            node_ref=canvas
            class="chart"
            data-testid=testid
            role="img"
            aria-label=move || data.with(|shown| label(shown))
            data-series=move || data.with(series)
            width=ASSUMED_WIDTH
            height=data.with_untracked(height) * zoom
        ></canvas>
    }
}

/// A chart's "Show data" disclosure: `table` (the plotted values as a table) is built only
/// while it is open, so a closed one costs an edit nothing.
pub fn show_data(table: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details on:toggle=move |_| open.update(|open| *open = !*open)>
            <summary>{labels::funnel_chart::SHOW_DATA}</summary>
            {shown(move || open.get(), table)}
        </details>
    }
}
