//! Charts for the reports: a chart is data (labels and stacked series), drawn once with
//! plotters onto either backend, so the HTML report's inline SVG and `-o png` show the same
//! picture. Text is drawn with DejaVu Sans (Debian's fonts-dejavu-core), read at the first
//! chart: plotters measures text with a real font even for SVG. No I/O but that font.

use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{IntoSegmentedCoord, SegmentValue};
use plotters::prelude::*;

pub mod html;

/// Where Debian (fonts-dejavu-core) and most distributions keep DejaVu Sans.
const FONTS: &[&str] = &[
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
];

/// The colours of the series, in order: distinguishable for the common colour-vision
/// deficiencies (Okabe and Ito's palette), on white.
const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(120, 94, 240),
    RGBColor(0, 0, 0),
];

/// The CSS colour of series `i`, for legends drawn outside the chart.
pub fn colour(i: usize) -> String {
    let RGBColor(r, g, b) = PALETTE[i % PALETTE.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A chart: bars per label, one segment per series, stacked.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    /// What a bar's length counts ("Messages").
    pub unit: String,
    /// One per bar, in order.
    pub labels: Vec<String>,
    /// Each series' name and its value at each label.
    pub series: Vec<(String, Vec<u64>)>,
    /// Bars run left to right (for long labels such as addresses), the first at the top.
    pub horizontal: bool,
}

impl Chart {
    /// The sum of the series at bar `i`.
    fn total(&self, i: usize) -> u64 {
        self.series.iter().map(|(_, v)| v[i]).sum()
    }
}

/// Why a chart cannot be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("no font to draw the chart's text: none of {} is readable", FONTS.join(", "))]
    NoFont,
    #[error("cannot draw the chart: {0}")]
    Draw(String),
    #[error("cannot encode the chart as PNG: {0}")]
    Png(#[from] png::EncodingError),
}

/// Registers DejaVu Sans as plotters' sans-serif, once.
fn font() -> Result<(), ChartError> {
    static FONT: OnceLock<bool> = OnceLock::new();
    let ok = FONT.get_or_init(|| {
        FONTS.iter().any(|path| {
            std::fs::read(path).is_ok_and(|bytes| {
                // plotters keeps fonts for the life of the process.
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                plotters::style::register_font("sans-serif", FontStyle::Normal, bytes).is_ok()
            })
        })
    });
    ok.then_some(()).ok_or(ChartError::NoFont)
}

/// The chart as an SVG document `width` by `height` pixels.
pub fn svg(chart: &Chart, (width, height): (u32, u32)) -> Result<String, ChartError> {
    font()?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root, chart).map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    Ok(out)
}

/// The chart as a PNG image `width` by `height` pixels.
pub fn png(chart: &Chart, (width, height): (u32, u32)) -> Result<Vec<u8>, ChartError> {
    font()?;
    let mut pixels = vec![0u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        draw(&root, chart).map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&pixels)?;
    }
    Ok(out)
}

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &Chart) -> Drawn<DB> {
    root.fill(&WHITE)?;
    let n = chart.labels.len().max(1);
    let max = (0..chart.labels.len())
        .map(|i| chart.total(i))
        .max()
        .unwrap_or(0)
        .max(1);
    // Headroom above the longest bar for the legend (one line per series).
    let top = if chart.series.len() > 1 && !chart.horizontal {
        max + max * (chart.series.len() as u64 + 2) / 12 + 1
    } else {
        max + max / 10 + 1
    };
    let mut builder = ChartBuilder::on(root);
    builder.caption(&chart.title, ("sans-serif", 22)).margin(16);
    let label = |v: &SegmentValue<usize>| match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
            chart.labels.get(*i).cloned().unwrap_or_default()
        }
        SegmentValue::Last => String::new(),
    };
    if chart.horizontal {
        let longest = chart.labels.iter().map(|l| l.chars().count()).max();
        let mut c = builder
            .x_label_area_size(40)
            .y_label_area_size((longest.unwrap_or(8) as u32 * 8 + 16).min(320))
            .build_cartesian_2d(0..top, (0..n).into_segmented())?;
        // The first label at the top: bar i is drawn in row n-1-i.
        let row = |v: &SegmentValue<usize>| match v {
            SegmentValue::CenterOf(i) => n
                .checked_sub(i + 1)
                .map(|r| label(&SegmentValue::CenterOf(r)))
                .unwrap_or_default(),
            _ => String::new(),
        };
        c.configure_mesh()
            .disable_y_mesh()
            .max_light_lines(1)
            .light_line_style(WHITE)
            .y_labels(n)
            .y_label_formatter(&row)
            .x_desc(chart.unit.as_str())
            .label_style(("sans-serif", 14))
            .draw()?;
        stacked(&mut c, chart, |i, from, to| {
            let r = n - 1 - i;
            [
                (from, SegmentValue::Exact(r)),
                (to, SegmentValue::Exact(r + 1)),
            ]
        })?;
    } else {
        let mut c = builder
            .x_label_area_size(48)
            .y_label_area_size(64)
            .build_cartesian_2d((0..n).into_segmented(), 0..top)?;
        c.configure_mesh()
            .disable_x_mesh()
            .max_light_lines(1)
            .light_line_style(WHITE)
            .x_labels(n.min(12))
            .x_label_formatter(&label)
            .y_desc(chart.unit.as_str())
            .label_style(("sans-serif", 14))
            .draw()?;
        stacked(&mut c, chart, |i, from, to| {
            [
                (SegmentValue::Exact(i), from),
                (SegmentValue::Exact(i + 1), to),
            ]
        })?;
    }
    root.present()
}

/// Draws each series' segments on top of the ones before, with a legend when there is
/// more than one series. `corners(bar, from, to)` places a segment in the chart's coordinates.
fn stacked<'a, DB, X, Y>(
    c: &mut ChartContext<'a, DB, Cartesian2d<X, Y>>,
    chart: &Chart,
    corners: impl Fn(usize, u64, u64) -> [(X::ValueType, Y::ValueType); 2],
) -> Drawn<DB>
where
    DB: DrawingBackend + 'a,
    X: Ranged,
    Y: Ranged,
{
    let mut base = vec![0u64; chart.labels.len()];
    for (s, (name, values)) in chart.series.iter().enumerate() {
        let colour = PALETTE[s % PALETTE.len()];
        let bars: Vec<Rectangle<(X::ValueType, Y::ValueType)>> = values
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0)
            .map(|(i, v)| {
                let from = base[i];
                base[i] += v;
                let mut r = Rectangle::new(corners(i, from, from + v), colour.filled());
                r.set_margin(1, 1, 3, 3);
                r
            })
            .collect();
        c.draw_series(bars)?
            .label(name.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled()));
    }
    if chart.series.len() > 1 {
        c.configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .label_font(("sans-serif", 14))
            .draw()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(horizontal: bool) -> Chart {
        Chart {
            title: "Mail flow".into(),
            unit: "Messages".into(),
            labels: vec!["12-01".into(), "12-02".into(), "12-03".into()],
            series: vec![
                ("GoodMail".into(), vec![5, 0, 7]),
                ("SpamDetections".into(), vec![2, 3, 0]),
            ],
            horizontal,
        }
    }

    #[test]
    fn svg_and_png_draw_the_same_chart() {
        for horizontal in [false, true] {
            let c = chart(horizontal);
            let svg = svg(&c, (640, 400)).unwrap();
            assert!(svg.starts_with("<svg"), "{svg}");
            for text in ["Mail flow", "GoodMail", "SpamDetections", "12-02"] {
                assert!(svg.contains(text), "{text} missing");
            }
            let png = png(&c, (640, 400)).unwrap();
            let decoder = ::png::Decoder::new(std::io::Cursor::new(png));
            let mut reader = decoder.read_info().unwrap();
            let mut buf = vec![0; reader.output_buffer_size()];
            let info = reader.next_frame(&mut buf).unwrap();
            assert_eq!((info.width, info.height), (640, 400));
            let pixels = &buf[..info.buffer_size()];
            // Not blank: the first series' blue is there.
            assert!(pixels.chunks(3).any(|p| p == [0, 114, 178]));
        }
    }
}
