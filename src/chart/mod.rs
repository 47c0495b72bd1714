//! The plan's charts, drawn over any plotters [`DrawingBackend`]: a canvas in the page, an
//! SVG in native tests.
//!
//! Pure Rust like the model: no Leptos, web-sys or js-sys here. Each chart is a plain struct
//! of the values it plots (built from the plan by the UI), a `draw` function generic over the
//! backend, and `series_json`, the plotted values as JSON for the canvas's `data-series`
//! hook. Charts never tell series apart by colour alone: each series has its own shape (a
//! solid bar, an outlined bar, a hatched area) and a text label.

pub mod compare;
pub mod funnel;
pub mod histogram;
pub mod months;
pub mod qr;
pub mod tornado;

use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::model::format;

/// The colours of one theme, matching the page's CSS custom properties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// The chart's background (the panel's colour).
    pub background: RGBColor,
    /// Text and axes.
    pub ink: RGBColor,
    /// Secondary text.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// The needed volume: solid bars.
    pub needed: RGBColor,
    /// The forecast: outlined bars.
    pub forecast: RGBColor,
    /// A shortfall: hatched.
    pub shortfall: RGBColor,
    /// The band behind lead-time months.
    pub band: RGBColor,
}

/// The light theme's colours.
pub const LIGHT: Palette = Palette {
    background: RGBColor(0xff, 0xff, 0xff),
    ink: RGBColor(0x1b, 0x1f, 0x24),
    muted: RGBColor(0x57, 0x60, 0x6a),
    grid: RGBColor(0xd0, 0xd7, 0xde),
    needed: RGBColor(0x0b, 0x5c, 0xad),
    forecast: RGBColor(0x9a, 0x4d, 0x00),
    shortfall: RGBColor(0xa4, 0x0e, 0x26),
    band: RGBColor(0xee, 0xf3, 0xf8),
};

/// The dark theme's colours.
pub const DARK: Palette = Palette {
    background: RGBColor(0x16, 0x1b, 0x22),
    ink: RGBColor(0xe6, 0xed, 0xf3),
    muted: RGBColor(0x9d, 0xa7, 0xb3),
    grid: RGBColor(0x30, 0x36, 0x3d),
    needed: RGBColor(0x58, 0xa6, 0xff),
    forecast: RGBColor(0xf0, 0x88, 0x3e),
    shortfall: RGBColor(0xff, 0x7b, 0x72),
    band: RGBColor(0x1f, 0x29, 0x36),
};

/// The font every chart's text uses. Short enough that plotters-canvas's font string
/// (`normal 13px system-ui,sans-serif`, 32 bytes) takes the page's fast path for short
/// strings from wasm.
pub(crate) const FONT: &str = "system-ui,sans-serif";
/// Text size of labels, in CSS pixels.
pub(crate) const TEXT: u32 = 13;

/// A drawing error of backend `DB`.
pub type Error<DB> = DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>;

/// A text style of the charts' font, in `color`, anchored at `h`/`v`.
pub(crate) fn text_style(color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'_> {
    TextStyle::from((FONT, TEXT))
        .color(color)
        .pos(Pos::new(h, v))
}

/// The width of `text` drawn in the charts' font, measured by the backend.
pub(crate) fn text_width<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str) -> i32 {
    let style = text_style(&LIGHT.ink, HPos::Left, VPos::Top);
    area.estimate_text_size(text, &style)
        .map_or(0, |(width, _)| i32::try_from(width).unwrap_or(i32::MAX))
}

/// How a legend entry shows its series.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    /// A solid bar.
    Solid(RGBColor),
    /// An outlined bar with a light fill.
    Outlined(RGBColor),
    /// Diagonal hatching.
    Hatched(RGBColor),
    /// A filled band with a grid-coloured edge.
    Band(RGBColor),
    /// A dashed line.
    Dashed(RGBColor),
}

/// Draws a legend row at the top of `area`: each swatch, then its words, left to right.
pub(crate) fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    palette: &Palette,
    entries: &[(Swatch, &str)],
) -> Result<(), Error<DB>> {
    let style = text_style(&palette.ink, HPos::Left, VPos::Center);
    let (y0, y1, middle) = (6, 16, 11);
    let mut at = 4;
    for &(swatch, words) in entries {
        let corners = [(at, y0), (at + 16, y1)];
        match swatch {
            Swatch::Solid(color) => area.draw(&Rectangle::new(corners, color.filled()))?,
            Swatch::Outlined(color) => {
                area.draw(&Rectangle::new(corners, color.mix(0.2).filled()))?;
                area.draw(&Rectangle::new(corners, color.stroke_width(1)))?;
            }
            Swatch::Hatched(color) => {
                for line in hatch(at, y0, at + 16, y1, 5) {
                    area.draw(&PathElement::new(line.to_vec(), color))?;
                }
            }
            Swatch::Band(color) => {
                area.draw(&Rectangle::new(corners, color.filled()))?;
                area.draw(&Rectangle::new(corners, palette.grid.stroke_width(1)))?;
            }
            Swatch::Dashed(color) => {
                for step in [0, 9] {
                    area.draw(&PathElement::new(
                        vec![(at + step, middle), (at + step + 5, middle)],
                        color.stroke_width(2),
                    ))?;
                }
            }
        }
        area.draw_text(words, &style, (at + 22, middle))?;
        at += 22 + text_width(area, words) + 16;
    }
    Ok(())
}

/// A horizontal volume axis from `left` to `right` pixels: linear, or logarithmic so that
/// traffic and deals share one chart; its ticks are round values (powers of ten on a log
/// scale).
pub(crate) struct VolumeAxis {
    ticks: Vec<f64>,
    /// The largest tick, or its log10 on a log scale.
    top: f64,
    log: bool,
    left: i32,
    span: f64,
}

impl VolumeAxis {
    /// The axis of a bar chart `width` pixels wide, for values up to `max`: it starts after
    /// the longest of `names` (at most `most_percent` of the width) and ends where the longest
    /// of `values` still fits after a bar.
    pub(crate) fn beside<'a, DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        (max, log): (f64, bool),
        names: impl Iterator<Item = &'a str>,
        values: impl Iterator<Item = String>,
        most_percent: i32,
    ) -> Self {
        let (width, _) = area.dim_in_pixel();
        let width = i32::try_from(width).unwrap_or(i32::MAX);
        let longest_name = names.map(|name| text_width(area, name)).max().unwrap_or(0);
        let label_width = (longest_name + 12).min(width * most_percent / 100);
        let value_width = values
            .map(|text| text_width(area, &text))
            .max()
            .unwrap_or(0)
            + 10;
        let right = (width - value_width).max(label_width + 40);
        Self::new(max, log, label_width, right)
    }

    /// Where the axis starts: the end of the name column.
    pub(crate) fn left(&self) -> i32 {
        self.left
    }

    /// The axis for values up to `max`.
    pub(crate) fn new(max: f64, log: bool, left: i32, right: i32) -> Self {
        let (ticks, top) = if log {
            let ticks = log_ticks(max);
            let top = ticks.last().copied().unwrap_or(1.0).log10().max(1.0);
            (ticks, top)
        } else {
            let ticks = linear_ticks(max, 4);
            let top = ticks.last().copied().unwrap_or(1.0).max(1.0);
            (ticks, top)
        };
        Self {
            ticks,
            top,
            log,
            left,
            span: f64::from(right - left),
        }
    }

    /// Where `value` falls, in pixels.
    pub(crate) fn x(&self, value: f64) -> i32 {
        let share = if self.log {
            value.max(1.0).log10() / self.top
        } else {
            value.max(0.0) / self.top
        };
        self.left + px(share.clamp(0.0, 1.0) * self.span)
    }

    /// Draws a grid line per tick from `from` to `to` (vertical pixels), each labelled below
    /// with `tick`.
    pub(crate) fn draw_grid<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        palette: &Palette,
        (from, to): (i32, i32),
        tick: impl Fn(f64) -> String,
    ) -> Result<(), Error<DB>> {
        let tick_style = text_style(&palette.muted, HPos::Center, VPos::Top);
        for &value in &self.ticks {
            let at = self.x(value);
            area.draw(&PathElement::new(vec![(at, from), (at, to)], palette.grid))?;
            area.draw_text(&tick(value), &tick_style, (at, to + 4))?;
        }
        Ok(())
    }
}

/// Up to about `count` round tick values (1, 2 or 5 × 10^k apart) from 0 to at least `max`.
#[must_use]
pub fn linear_ticks(max: f64, count: u32) -> Vec<f64> {
    if !max.is_finite() || max <= 0.0 || count == 0 {
        return vec![0.0];
    }
    let raw = max / f64::from(count);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| step >= raw)
        .unwrap_or(10.0 * magnitude);
    let mut ticks = vec![0.0];
    let mut k = 1.0;
    while ticks.last().is_some_and(|&last| last < max) && ticks.len() < 64 {
        ticks.push(k * step);
        k += 1.0;
    }
    ticks
}

/// Powers of ten from 1 to the first at or above `max`.
#[must_use]
pub fn log_ticks(max: f64) -> Vec<f64> {
    let mut ticks = vec![1.0];
    while ticks.last().is_some_and(|&last| last < max) && ticks.len() < 20 {
        ticks.push(ticks.last().map_or(1.0, |last| last * 10.0));
    }
    ticks
}

/// Diagonal hatch lines (45°, `gap` pixels apart) clipped to the rectangle from `(x0, y0)`
/// to `(x1, y1)`.
pub(crate) fn hatch(x0: i32, y0: i32, x1: i32, y1: i32, gap: i32) -> Vec<[(i32, i32); 2]> {
    let (width, height) = (x1 - x0, y1 - y0);
    if width <= 0 || height <= 0 || gap <= 0 {
        return Vec::new();
    }
    // Lines x - x0 + (y - y0) = c, for c from gap to width + height.
    let mut lines = Vec::new();
    let mut c = gap;
    while c < width + height {
        let start = (x0 + c.min(width), y0 + (c - width).max(0));
        let end = (x0 + (c - height).max(0), y0 + c.min(height));
        lines.push([start, end]);
        c += gap;
    }
    lines
}

/// Writes `text` as a JSON string.
pub(crate) fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes `values` as a JSON array of numbers.
pub(crate) fn json_numbers(out: &mut String, values: impl Iterator<Item = f64>) {
    out.push('[');
    for (k, value) in values.enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(&format::plain(value));
    }
    out.push(']');
}

/// Writes `texts` as a JSON array of strings.
pub(crate) fn json_strings<'a>(out: &mut String, texts: impl Iterator<Item = &'a str>) {
    out.push('[');
    for (k, text) in texts.enumerate() {
        if k > 0 {
            out.push(',');
        }
        json_string(out, text);
    }
    out.push(']');
}

/// Converts a pixel length computed in `f64` to a coordinate, saturating.
#[allow(
    clippy::cast_possible_truncation,
    reason = "chart coordinates are rounded and clamped to a few thousand pixels"
)]
pub(crate) fn px(value: f64) -> i32 {
    if value.is_finite() {
        value.round().clamp(-1e6, 1e6) as i32
    } else {
        0
    }
}

/// What native chart tests read from an SVG drawing.
#[cfg(test)]
pub(crate) mod svg_reading {
    use plotters::coord::Shift;
    use plotters::prelude::*;

    /// Draws with `draw` on a 640-pixel-wide SVG of `height` pixels, and returns the SVG.
    pub(crate) fn render(
        height: u32,
        draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>),
    ) -> String {
        let mut out = String::new();
        {
            let area = SVGBackend::with_string(&mut out, (640, height)).into_drawing_area();
            draw(&area);
            area.present().unwrap();
        }
        out
    }

    /// Each `<rect>` filled with `colour` (`#0B5CAD`), in drawing order: `[x, y, width,
    /// height]`.
    pub(crate) fn rects(svg: &str, colour: &str) -> Vec<[f64; 4]> {
        svg.lines()
            .filter(|line| line.contains("<rect") && line.contains(&format!("fill=\"{colour}\"")))
            .map(|line| {
                let attr = |name: &str| -> f64 {
                    let start = line.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                    line[start..].split('"').next().unwrap().parse().unwrap()
                };
                [attr("x"), attr("y"), attr("width"), attr("height")]
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_are_round_and_cover_the_maximum() {
        assert_eq!(
            linear_ticks(3440.0, 4),
            vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0]
        );
        assert_eq!(linear_ticks(47.0, 4), vec![0.0, 20.0, 40.0, 60.0]);
        assert_eq!(linear_ticks(0.0, 4), vec![0.0]);
        assert_eq!(linear_ticks(f64::NAN, 4), vec![0.0]);
    }

    #[test]
    fn log_ticks_are_powers_of_ten() {
        assert_eq!(
            log_ticks(200_000.0),
            vec![1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6]
        );
        assert_eq!(log_ticks(0.5), vec![1.0]);
    }

    #[test]
    fn hatch_lines_stay_inside_the_rectangle() {
        let lines = hatch(10, 20, 50, 30, 6);
        assert!(!lines.is_empty());
        for [(ax, ay), (bx, by)] in lines {
            for (x, y) in [(ax, ay), (bx, by)] {
                assert!((10..=50).contains(&x) && (20..=30).contains(&y), "{x},{y}");
            }
            // 45°: as far across as down.
            assert_eq!(ax - bx, by - ay);
        }
        assert!(hatch(0, 0, 0, 10, 4).is_empty());
    }

    #[test]
    fn json_strings_are_escaped() {
        let mut out = String::new();
        json_strings(&mut out, ["a\"b", "c\\d", "e\nf"].into_iter());
        assert_eq!(out, r#"["a\"b","c\\d","e\u000af"]"#);
    }
}
