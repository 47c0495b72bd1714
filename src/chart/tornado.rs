//! The sensitivity tornado: for each lever improved by 10 % alone, ranked, the change in the
//! lead-stage volume marketing needs (a solid bar, to the left when it falls) and in forecast
//! revenue (an outlined bar), around a zero line.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::funnel::{AXIS, LEGEND, ROW, fit};
use super::{
    Error, Palette, Swatch, json_numbers, json_strings, legend, px, text_style, text_width,
};

/// One lever's two bars, in percent.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    /// The lever's name.
    pub name: String,
    /// Change of marketing's lead-stage need, in percent (−9.09); 0 when there is none.
    pub lead_change: f64,
    /// Change of forecast revenue, in percent; 0 when there is none.
    pub revenue_change: f64,
}

/// What the tornado plots, most helpful lever first.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    /// One entry per lever, ranked.
    pub bars: Vec<TornadoBar>,
}

/// The chart's words.
#[derive(Clone, Copy, Debug)]
pub struct TornadoWords<'a> {
    /// Legend of the solid bars ("Leads needed").
    pub lead: &'a str,
    /// Legend of the outlined bars ("Forecast revenue").
    pub revenue: &'a str,
}

impl Tornado {
    /// The chart's height in CSS pixels for its number of levers.
    #[must_use]
    pub fn height(&self) -> u32 {
        let rows = i32::try_from(self.bars.len()).unwrap_or(0);
        u32::try_from(LEGEND + rows * ROW + AXIS).unwrap_or(0)
    }

    /// The plotted values as JSON: `{"levers":[…],"leadChange":[…],"revenueChange":[…]}`, in
    /// percent.
    #[must_use]
    pub fn series_json(&self) -> String {
        let mut out = String::from("{\"levers\":");
        json_strings(&mut out, self.bars.iter().map(|bar| bar.name.as_str()));
        out.push_str(",\"leadChange\":");
        json_numbers(&mut out, self.bars.iter().map(|bar| bar.lead_change));
        out.push_str(",\"revenueChange\":");
        json_numbers(&mut out, self.bars.iter().map(|bar| bar.revenue_change));
        out.push('}');
        out
    }
}

/// Draws `tornado` over the whole of `area`, writing changes with `change` (a signed
/// percentage).
///
/// # Errors
/// Whatever the backend reports.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    tornado: &Tornado,
    palette: &Palette,
    words: TornadoWords<'_>,
    change: impl Fn(f64) -> String,
) -> Result<(), Error<DB>> {
    area.fill(&palette.background)?;
    let (width, _) = area.dim_in_pixel();
    let width = i32::try_from(width).unwrap_or(i32::MAX);
    legend(
        area,
        palette,
        &[
            (Swatch::Solid(palette.needed), words.lead),
            (Swatch::Outlined(palette.forecast), words.revenue),
        ],
    )?;

    let longest_name = tornado
        .bars
        .iter()
        .map(|bar| text_width(area, &bar.name))
        .max()
        .unwrap_or(0);
    let label_width = (longest_name + 12).min(width * 40 / 100);
    let value_width = tornado
        .bars
        .iter()
        .flat_map(|bar| [bar.lead_change, bar.revenue_change])
        .map(|value| text_width(area, &change(value)))
        .max()
        .unwrap_or(0)
        + 8;
    // Room for a value label on both sides of the zero line.
    let (left, right) = (
        label_width + value_width,
        (width - value_width).max(label_width + value_width + 40),
    );
    let zero = left.midpoint(right);
    let reach = tornado
        .bars
        .iter()
        .flat_map(|bar| [bar.lead_change.abs(), bar.revenue_change.abs()])
        .filter(|value| value.is_finite())
        .fold(1.0, f64::max);
    let half = f64::from(right - zero);
    let x = |value: f64| zero + px((value / reach).clamp(-1.0, 1.0) * half);

    let rows = i32::try_from(tornado.bars.len()).unwrap_or(0);
    let bottom = LEGEND + rows * ROW;
    let tick_style = text_style(&palette.muted, HPos::Center, VPos::Top);
    for value in [-reach, 0.0, reach] {
        let at = x(value);
        area.draw(&PathElement::new(
            vec![(at, LEGEND), (at, bottom)],
            palette.grid,
        ))?;
        area.draw_text(&change(value), &tick_style, (at, bottom + 4))?;
    }

    let name_style = text_style(&palette.ink, HPos::Right, VPos::Center);
    for (k, bar) in (0..).zip(&tornado.bars) {
        let top = LEGEND + k * ROW;
        let name = fit(area, &bar.name, label_width - 12);
        area.draw_text(&name, &name_style, (label_width - 8, top + ROW / 2))?;
        for (value, (y0, y1), solid) in [
            (bar.lead_change, (top + 4, top + 16), true),
            (bar.revenue_change, (top + 19, top + 29), false),
        ] {
            let end = x(value);
            let corners = [(zero.min(end), y0), (zero.max(end), y1)];
            if end != zero {
                if solid {
                    area.draw(&Rectangle::new(corners, palette.needed.filled()))?;
                } else {
                    area.draw(&Rectangle::new(corners, palette.forecast.mix(0.2).filled()))?;
                    area.draw(&Rectangle::new(corners, palette.forecast.stroke_width(1)))?;
                }
            }
            let (anchor, at) = if value < 0.0 {
                (HPos::Right, end - 4)
            } else {
                (HPos::Left, end + 4)
            };
            let color = if solid { &palette.ink } else { &palette.muted };
            area.draw_text(
                &change(value),
                &text_style(color, anchor, VPos::Center),
                (at, y0.midpoint(y1)),
            )?;
        }
    }
    area.draw(&PathElement::new(
        vec![(zero, LEGEND), (zero, bottom)],
        palette.ink,
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{LIGHT, svg_reading};

    fn tornado() -> Tornado {
        let bar = |name: &str, lead_change: f64, revenue_change: f64| TornadoBar {
            name: name.to_owned(),
            lead_change,
            revenue_change,
        };
        Tornado {
            bars: vec![
                bar("Leads \u{2192} MQLs", -9.090_909, 10.0),
                bar("Deal size", -9.090_909, 10.0),
                bar("Visitors \u{2192} Leads", 0.0, 10.0),
            ],
        }
    }

    fn svg(tornado: &Tornado) -> String {
        svg_reading::render(tornado.height(), |area| {
            let words = TornadoWords {
                lead: "Leads needed",
                revenue: "Forecast revenue",
            };
            draw(area, tornado, &LIGHT, words, |v| format!("{v:+.1}%")).unwrap();
        })
    }

    /// The `x` and `width` of each `<rect>` filled with `colour`, after the legend's.
    fn bars(svg: &str, colour: &str) -> Vec<(f64, f64)> {
        svg_reading::rects(svg, colour)
            .into_iter()
            .skip(1)
            .map(|[x, _, width, _]| (x, width))
            .collect()
    }

    #[test]
    fn cuts_in_the_leads_needed_extend_left_of_revenue_gains() {
        let out = svg(&tornado());
        let lead = bars(&out, "#0B5CAD");
        // Two levers cut the leads needed; the third leaves them alone (no bar).
        assert_eq!(lead.len(), 2, "{lead:?}");
        let revenue = bars(&out, "#9A4D00");
        assert_eq!(revenue.len(), 3, "{revenue:?}");
        // Each lead bar ends where the revenue bars start: at the zero line.
        for &(x, width) in &lead {
            assert!(
                (x + width - revenue[0].0).abs() < 1.0,
                "{lead:?} {revenue:?}"
            );
        }
        // 10 % is wider than 9.09 %.
        assert!(revenue[0].1 > lead[0].1);
    }

    #[test]
    fn levers_are_labelled_in_rank_order_with_their_changes() {
        let out = svg(&tornado());
        let at = |text: &str| {
            out.find(&format!("\n{text}\n"))
                .unwrap_or_else(|| panic!("{text}"))
        };
        assert!(at("Leads \u{2192} MQLs") < at("Deal size"));
        assert!(at("Deal size") < at("Visitors \u{2192} Leads"));
        assert!(out.contains("\n-9.1%\n") && out.contains("\n+10.0%\n"));
    }

    #[test]
    fn series_json_holds_the_changes_in_percent() {
        assert_eq!(
            tornado().series_json(),
            r#"{"levers":["Leads → MQLs","Deal size","Visitors → Leads"],"leadChange":[-9.090909,-9.090909,0],"revenueChange":[10,10,10]}"#
        );
    }
}
