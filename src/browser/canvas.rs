//! A crisp canvas for the charts: plotters-canvas's backend on a backing store of the CSS size
//! × `devicePixelRatio`, with text measured by the canvas itself.
//!
//! plotters-canvas draws in backing-store pixels, so on a high-density screen a canvas of CSS size
//! is either blurred (a small backing store, scaled up) or drawn at half size. [`Crisp`]
//! sizes the backing store for the screen and scales the context, then reports the CSS size
//! to plotters: charts lay out in CSS pixels, and every line and glyph is drawn at the
//! screen's resolution. plotters measures web text by inserting a `<span>` per label (a
//! forced layout each); [`Crisp`] measures with the canvas's `measureText`, which needs no
//! layout.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    /// Measured text widths in CSS pixels, by font size and text: names, ticks and most values
    /// are the same from one drawing to the next, and each measurement costs a font change and
    /// a `measureText` call. Cleared when it grows past [`MEASURED_MAX`] entries.
    static MEASURED: RefCell<HashMap<(u32, String), u32>> = RefCell::new(HashMap::new());
}

/// The most widths kept in [`MEASURED`].
const MEASURED_MAX: usize = 1024;

/// plotters-canvas's error type (the crate does not name it).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

/// plotters-canvas's backend, sized for the screen and laid out in CSS pixels.
pub struct Crisp {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    size: (u32, u32),
}

impl Crisp {
    /// Prepares `canvas` for drawing at `width` × `height` CSS pixels, enlarged `zoom` times
    /// (1 for the page, more for meeting mode's large type): sizes its backing store for the
    /// screen's pixel ratio (which clears it) and scales its context. Charts then lay out in
    /// `width ÷ zoom` × `height ÷ zoom` units. `None` if the browser gives no 2D context.
    #[must_use]
    pub fn new(canvas: &HtmlCanvasElement, width: u32, height: u32, zoom: u32) -> Option<Self> {
        let zoom = zoom.clamp(1, 4);
        let ratio = web_sys::window().map_or(1.0, |window| window.device_pixel_ratio());
        let ratio = if ratio.is_finite() && ratio > 0.0 {
            ratio.min(4.0)
        } else {
            1.0
        };
        let scaled = |css: u32| -> u32 {
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a CSS size of a few thousand pixels times a ratio of at most 4"
            )]
            let pixels = (f64::from(css) * ratio).round().max(1.0) as u32;
            pixels
        };
        // Setting the size clears the canvas (drawing follows at once in the same task, so no
        // blank frame is ever shown); it is set only when it changes, so that an edit's redraw
        // changes no attribute. Every chart paints its whole background first.
        let (pixels_wide, pixels_high) = (scaled(width), scaled(height));
        if canvas.width() != pixels_wide {
            canvas.set_width(pixels_wide);
        }
        if canvas.height() != pixels_high {
            canvas.set_height(pixels_high);
        }
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let scale = ratio * f64::from(zoom);
        context
            .set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0)
            .ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Self {
            inner,
            context,
            size: (width / zoom, height / zoom),
        })
    }
}

impl DrawingBackend for Crisp {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.fill_polygon(vertices, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a font size and a text width in CSS pixels, rounded up and clamped"
        )]
        let whole = |value: f64| value.ceil().clamp(0.0, 1e6) as u32;
        let font_size = whole(style.size());
        let key = (font_size, text.to_owned());
        if let Some(width) = MEASURED.with(|measured| measured.borrow().get(&key).copied()) {
            return Ok((width, font_size));
        }
        // The same font plotters-canvas draws with (the charts use whole pixel sizes).
        self.context.set_font(&format!(
            "{} {font_size}px {}",
            style.style().as_str(),
            style.family().as_str()
        ));
        let width = whole(
            self.context
                .measure_text(text)
                .map_or(0.0, |metrics| metrics.width()),
        );
        MEASURED.with(|measured| {
            let mut measured = measured.borrow_mut();
            if measured.len() >= MEASURED_MAX {
                measured.clear();
            }
            measured.insert(key, width);
        });
        let size = (width, font_size);
        Ok(size)
    }
}
