//! A chart on a canvas: sized by its container, crisp on high-density screens, redrawn in the next
//! animation frame after its data, its width or the theme changes (while it is on screen), with
//! the plotted values in `data-series` and the key numbers in `aria-label`.

use std::rc::Rc;

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

/// What one drawing shows: the canvas's CSS width, the data, and whether the theme is dark.
type Drawing<T> = (u32, T, bool);

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
    let on_screen = RwSignal::new(false);
    let dark = use_context::<Dark>().map_or(Signal::stored(false), |dark| dark.0);
    observe(canvas, width, on_screen);
    let ChartText {
        series,
        label,
        height,
    } = text;
    // What to draw next, what was drawn last, and whether a drawing is already scheduled.
    let next = StoredValue::new_local(None::<Drawing<T>>);
    let last = StoredValue::new_local(None::<Drawing<T>>);
    let scheduled = StoredValue::new_local(false);
    // Draws what is next, if anything is, it differs from the last drawing and the chart is
    // still there.
    let draw_next = move || {
        let (Some(element), Some(drawing)) = (
            canvas.try_get_untracked().flatten(),
            next.try_update_value(Option::take).flatten(),
        ) else {
            return;
        };
        if last.with_value(|last| last.as_ref() == Some(&drawing)) {
            return;
        }
        let (css_width, shown, dark) = &drawing;
        let height = (height(shown) * zoom).max(1);
        if let Some(backend) = Crisp::new(&element, *css_width, height, zoom) {
            let area = backend.into_drawing_area();
            draw(&area, shown, if *dark { &DARK } else { &LIGHT });
            let _ = area.present();
            last.set_value(Some(drawing));
        }
    };
    let draw_next = Rc::new(draw_next);
    // A change schedules one drawing, in the next animation frame: the chart paints in the
    // same frame as the edit's figures, with the latest data (edits within a frame draw once).
    // A chart off screen draws only when its size changes (the page's layout then never
    // shifts as it comes into view); otherwise it draws its latest data as it comes into view,
    // or before printing. Nothing is drawn while the canvas has no width (hidden).
    let draw_in_frame = Rc::clone(&draw_next);
    Effect::new(move || {
        let (css_width, shown, dark, in_view) =
            (width.get(), data.get(), dark.get(), on_screen.get());
        if css_width == 0 {
            return;
        }
        let (unchanged, resized) = last.with_value(|last| match last {
            Some((drawn_width, drawn, drawn_dark)) => (
                *drawn_width == css_width && *drawn_dark == dark && *drawn == shown,
                *drawn_width != css_width || height(drawn) != height(&shown),
            ),
            None => (false, true),
        });
        if unchanged {
            next.set_value(None);
            return;
        }
        next.set_value(Some((css_width, shown, dark)));
        if !(in_view || resized) || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        let draw_next = Rc::clone(&draw_in_frame);
        request_animation_frame(move || {
            // The chart may have gone (meeting mode left, the comparison closed) since this
            // was scheduled: then there is nothing to draw, and nothing of it may be touched.
            if scheduled.try_set_value(false).is_none() {
                draw_next();
            }
        });
    });
    // Before printing, every chart shows the latest plan: one never laid out (its section
    // skipped as off screen since the page opened) is measured now, a forced layout that
    // printing does anyway.
    let printing = window_event_listener_untyped("beforeprint", move |_| {
        let never_drawn = next.with_value(Option::is_none) && last.with_value(Option::is_none);
        if never_drawn {
            let measured = canvas
                .get_untracked()
                .and_then(|element| u32::try_from(element.client_width()).ok())
                .filter(|css_width| *css_width > 0);
            if let (Some(css_width), Some(shown)) = (measured, data.try_get_untracked()) {
                next.set_value(Some((css_width, shown, dark.get_untracked())));
            }
        }
        draw_next();
    });
    on_cleanup(move || printing.remove());
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

/// Follows `canvas`'s CSS width into `width` (from a `ResizeObserver`: read after layout, so
/// it never forces one) and whether it is on screen or within half a screen of it into
/// `on_screen` (from an `IntersectionObserver`). The observers live until the chart goes.
fn observe(canvas: NodeRef<html::Canvas>, width: RwSignal<u32>, on_screen: RwSignal<bool>) {
    type Observers = (
        web_sys::ResizeObserver,
        Closure<dyn Fn(js_sys::Array)>,
        Option<(
            web_sys::IntersectionObserver,
            Closure<dyn Fn(js_sys::Array)>,
        )>,
    );
    let observing = StoredValue::new_local(None::<Observers>);
    canvas.on_load(move |element| {
        let resized = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
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
        let seen = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The last entry is the latest state.
            let last = entries.get(entries.length().saturating_sub(1));
            if let Ok(entry) = last.dyn_into::<web_sys::IntersectionObserverEntry>() {
                let in_view = entry.is_intersecting();
                if on_screen.get_untracked() != in_view {
                    on_screen.set(in_view);
                }
            }
        });
        let Ok(resizing) = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()) else {
            return;
        };
        resizing.observe(&element);
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("50% 0px");
        let watching = web_sys::IntersectionObserver::new_with_options(
            seen.as_ref().unchecked_ref(),
            &options,
        )
        .ok()
        .map(|watching| {
            watching.observe(&element);
            (watching, seen)
        });
        if watching.is_none() {
            // No way to tell: draw as if always on screen.
            on_screen.set(true);
        }
        observing.set_value(Some((resizing, resized, watching)));
    });
    on_cleanup(move || {
        observing.try_with_value(|stored| {
            if let Some((resizing, _, watching)) = stored {
                resizing.disconnect();
                if let Some((watching, _)) = watching {
                    watching.disconnect();
                }
            }
        });
    });
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
