//! Writing a [`Timeline`] out.
//!
//! - **JSON**: Chrome's trace event format, which Perfetto and
//!   `chrome://tracing` open. One thread per task (named after it, in
//!   creation order), an `X` slice per step and per wait, instant events
//!   for creation and end, and flow events (`s`/`f`) from the task (or the
//!   loop's track, for timers and I/O) that woke a task to the step it then
//!   ran. Times are microseconds from the first event.
//! - **SVG**: a picture readable without any tool: a row per task, steps as
//!   bars, waits as thin lines labelled with what they wait on, wake-ups as
//!   arrows, a time axis; every mark has a `<title>` (a tooltip).
//! - **HTML**: the SVG in a page that shows a mark's details on hover.

use super::{Flow, TaskLife, Timeline};
use serde_json::{json, Value as Json};
use std::fmt::Write;

/// The output formats, chosen by the file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Svg,
    Html,
}

impl Format {
    /// The format `path`'s extension names.
    pub fn of(path: &str) -> Result<Format, String> {
        let ext = std::path::Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "json" => Ok(Format::Json),
            "svg" => Ok(Format::Svg),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(format!(
                "the timeline file must end in .json, .svg or .html, not {path:?}"
            )),
        }
    }
}

pub fn render(t: &Timeline, format: Format) -> String {
    match format {
        Format::Json => json_trace(t),
        Format::Svg => svg(t, false),
        Format::Html => html(t),
    }
}

/// The first and last times recorded.
fn bounds(t: &Timeline) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for life in &t.tasks {
        lo = lo.min(life.created);
        hi = hi.max(life.created);
        for s in &life.steps {
            hi = hi.max(s.end);
        }
        if let Some((end, _)) = life.end {
            hi = hi.max(end);
        }
    }
    if !lo.is_finite() {
        return (0.0, 0.0);
    }
    (lo, hi)
}

// -- JSON ------------------------------------------------------------------------------

/// The loop's own track (wake-ups by timers, I/O and callbacks start there).
const LOOP_TID: usize = 0;

fn tid(row: usize) -> usize {
    row + 1
}

fn json_trace(t: &Timeline) -> String {
    let (origin, _) = bounds(t);
    let us = |time: f64| ((time - origin) * 1e6 * 1000.0).round() / 1000.0;
    let mut events: Vec<Json> = vec![
        json!({"name": "process_name", "ph": "M", "pid": 1, "args": {"name": "asyncio tasks"}}),
        json!({"name": "thread_name", "ph": "M", "pid": 1, "tid": LOOP_TID, "args": {"name": "event loop"}}),
    ];
    for (row, life) in t.tasks.iter().enumerate() {
        let tid = tid(row);
        events.push(json!({"name": "thread_name", "ph": "M", "pid": 1, "tid": tid, "args": {"name": life.name}}));
        events.push(json!({"name": "thread_sort_index", "ph": "M", "pid": 1, "tid": tid, "args": {"sort_index": row + 1}}));
        let by = life.parent.map(|p| t.tasks[p].name.clone());
        events.push(json!({
            "name": "created", "cat": "task", "ph": "i", "s": "t", "pid": 1, "tid": tid,
            "ts": us(life.created), "args": {"by": by, "at": life.site},
        }));
        for s in &life.steps {
            events.push(json!({
                "name": "step", "cat": "step", "ph": "X", "pid": 1, "tid": tid,
                "ts": us(s.start), "dur": us(s.end) - us(s.start),
            }));
        }
        for w in &life.waits {
            let end = w.end.or(life.end.as_ref().map(|e| e.0)).unwrap_or(w.start);
            events.push(json!({
                "name": format!("wait: {}", w.what), "cat": "wait", "ph": "X", "pid": 1, "tid": tid,
                "ts": us(w.start), "dur": us(end) - us(w.start), "args": {"await chain": w.chain},
            }));
        }
        if let Some((end, how)) = &life.end {
            events.push(json!({
                "name": how, "cat": "task", "ph": "i", "s": "t", "pid": 1, "tid": tid, "ts": us(*end),
            }));
        }
    }
    for (id, flow) in t.flows.iter().enumerate() {
        let Some(arrive) = flow.arrive else { continue };
        let from = flow.from.map_or(LOOP_TID, tid);
        if flow.from.is_none() {
            // A flow starts inside a slice: the loop's wake-up gets one.
            events.push(json!({
                "name": "wake-up", "cat": "loop", "ph": "X", "pid": 1, "tid": LOOP_TID,
                "ts": us(flow.at), "dur": 0,
            }));
        }
        events.push(json!({
            "name": "wakes", "cat": "wake", "ph": "s", "id": id, "pid": 1, "tid": from, "ts": us(flow.at),
        }));
        events.push(json!({
            "name": "wakes", "cat": "wake", "ph": "f", "bp": "e", "id": id, "pid": 1,
            "tid": tid(flow.to), "ts": us(arrive),
        }));
    }
    let trace = json!({"traceEvents": events, "displayTimeUnit": "ms"});
    let mut out = serde_json::to_string_pretty(&trace).unwrap_or_default();
    out.push('\n');
    out
}

// -- SVG -------------------------------------------------------------------------------

const LEFT: f64 = 210.0;
const PLOT: f64 = 860.0;
const RIGHT: f64 = 170.0;
const TOP: f64 = 70.0;
const ROW: f64 = 34.0;
const PALETTE: [&str; 8] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#e15759",
];

/// Escapes text for SVG/HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// An axis label: as few decimals as the tick step needs.
fn tick_label(t: f64, step: f64) -> String {
    let (value, unit, step) = if step >= 1.0 {
        (t, "s", step)
    } else {
        (t * 1e3, "ms", step * 1e3)
    };
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil() as usize
    };
    format!("{value:.decimals$} {unit}")
}

/// Seconds as a reader wants them on an axis or in a tooltip.
fn seconds(s: f64) -> String {
    if s.abs() >= 1.0 {
        format!("{s:.3} s")
    } else {
        format!("{:.3} ms", s * 1e3)
    }
}

/// A round step between axis ticks, about `range / 8`.
fn tick_step(range: f64) -> f64 {
    let rough = range / 8.0;
    let mag = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * mag)
}

struct Scale {
    origin: f64,
    span: f64,
}

impl Scale {
    fn x(&self, t: f64) -> f64 {
        LEFT + (t - self.origin) / self.span * PLOT
    }
}

fn row_y(row: usize) -> f64 {
    TOP + row as f64 * ROW + ROW / 2.0
}

fn svg(t: &Timeline, interactive: bool) -> String {
    let (lo, hi) = bounds(t);
    let scale = Scale {
        origin: lo,
        span: (hi - lo).max(1e-6),
    };
    let width = LEFT + PLOT + RIGHT;
    let height = TOP + t.tasks.len().max(1) as f64 * ROW + 30.0;
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>
<rect width="100%" height="100%" fill="white"/>
<text x="12" y="22" font-size="16" font-weight="bold">asyncio timeline: {} task{}, {}</text>
"##,
        t.tasks.len(),
        if t.tasks.len() == 1 { "" } else { "s" },
        seconds(hi - lo)
    );
    axis(&mut out, &scale, height);
    for (row, life) in t.tasks.iter().enumerate() {
        task_row(&mut out, &scale, row, life, t, interactive);
    }
    for flow in &t.flows {
        arrow(&mut out, &scale, flow, t);
    }
    out.push_str("</svg>\n");
    out
}

fn axis(out: &mut String, scale: &Scale, height: f64) {
    let step = tick_step(scale.span);
    let y = TOP - 8.0;
    let _ = writeln!(
        out,
        r##"<line x1="{LEFT}" y1="{y}" x2="{}" y2="{y}" stroke="#333"/>"##,
        LEFT + PLOT
    );
    let mut i = 0;
    loop {
        let dt = i as f64 * step;
        if dt > scale.span * 1.0001 {
            break;
        }
        let x = scale.x(scale.origin + dt);
        let _ = writeln!(
            out,
            r##"<line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{}" stroke="#ddd"/><line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{y}" stroke="#333"/><text x="{x:.1}" y="{}" text-anchor="middle" fill="#333">{}</text>"##,
            y,
            height - 20.0,
            y - 5.0,
            y - 9.0,
            tick_label(dt, step)
        );
        i += 1;
    }
}

fn task_row(
    out: &mut String,
    scale: &Scale,
    row: usize,
    life: &TaskLife,
    t: &Timeline,
    interactive: bool,
) {
    let y = row_y(row);
    let color = PALETTE[row % PALETTE.len()];
    let by = match life.parent {
        Some(p) => format!("created by {}", t.tasks[p].name),
        None => "created by the loop".to_string(),
    };
    let at = life
        .site
        .as_ref()
        .map(|s| format!(" at {s}"))
        .unwrap_or_default();
    let about = format!(
        "{}: {by}{at}, {} step{}",
        life.name,
        life.steps.len(),
        if life.steps.len() == 1 { "" } else { "s" }
    );
    let detail = |text: &str| {
        if interactive {
            format!(r#" data-detail="{}""#, esc(text))
        } else {
            String::new()
        }
    };
    if row % 2 == 1 {
        let _ = writeln!(
            out,
            r##"<rect x="0" y="{}" width="100%" height="{ROW}" fill="#f6f6f6"/>"##,
            y - ROW / 2.0
        );
    }
    let _ = writeln!(
        out,
        r##"<text x="{}" y="{}" text-anchor="end"{}><title>{}</title>{}</text>"##,
        LEFT - 10.0,
        y + 4.0,
        detail(&about),
        esc(&about),
        esc(&label(life))
    );
    let created = scale.x(life.created);
    let _ = writeln!(
        out,
        r##"<circle cx="{created:.1}" cy="{y}" r="3.5" fill="{color}"{}><title>{}</title></circle>"##,
        detail(&about),
        esc(&about)
    );
    let last = life
        .end
        .as_ref()
        .map(|e| e.0)
        .unwrap_or(scale.origin + scale.span);
    for w in &life.waits {
        let (x1, x2) = (scale.x(w.start), scale.x(w.end.unwrap_or(last)));
        let text = format!(
            "{} waits on {} for {} (from {})\n{}",
            life.name,
            w.what,
            seconds(w.end.unwrap_or(last) - w.start),
            seconds(w.start - scale.origin),
            w.chain
        );
        let _ = writeln!(
            out,
            r##"<line x1="{x1:.1}" y1="{y}" x2="{x2:.1}" y2="{y}" stroke="{color}" stroke-width="2" stroke-dasharray="4 3"{}><title>{}</title></line>"##,
            detail(&text),
            esc(&text)
        );
        if x2 - x1 > 60.0 {
            let _ = writeln!(
                out,
                r##"<text x="{:.1}" y="{}" font-size="10" fill="#444">{}</text>"##,
                x1 + 4.0,
                y - 5.0,
                esc(&fit(&w.what, (x2 - x1 - 8.0) / 5.5))
            );
        }
    }
    for s in &life.steps {
        let x = scale.x(s.start);
        let w = (scale.x(s.end) - x).max(3.0);
        let text = format!(
            "{} runs from {} for {}",
            life.name,
            seconds(s.start - scale.origin),
            seconds(s.end - s.start)
        );
        let _ = writeln!(
            out,
            r##"<rect x="{x:.1}" y="{}" width="{w:.1}" height="14" rx="2" fill="{color}"{}><title>{}</title></rect>"##,
            y - 7.0,
            detail(&text),
            esc(&text)
        );
    }
    if let Some((end, how)) = &life.end {
        let x = scale.x(*end);
        let fill = if how.starts_with("raised") {
            "#c0392b"
        } else if how == "cancelled" {
            "#d68910"
        } else {
            "#1e8449"
        };
        let text = format!("{} {how} at {}", life.name, seconds(end - scale.origin));
        let _ = writeln!(
            out,
            r##"<text x="{:.1}" y="{}" font-size="11" fill="{fill}"{}><title>{}</title>{}</text>"##,
            x + 6.0,
            y + 4.0,
            detail(&text),
            esc(&text),
            esc(&fit(how, 28.0))
        );
    }
}

/// A row's label: the task's name and its coroutine's.
fn label(life: &TaskLife) -> String {
    let text = if life.coro.is_empty() {
        life.name.clone()
    } else {
        format!("{} · {}()", life.name, life.coro)
    };
    fit(&text, 28.0)
}

/// `text` cut to about `chars` characters.
fn fit(text: &str, chars: f64) -> String {
    let max = chars.max(3.0) as usize;
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn arrow(out: &mut String, scale: &Scale, flow: &Flow, t: &Timeline) {
    let Some(arrive) = flow.arrive else { return };
    let (x1, x2) = (scale.x(flow.at), scale.x(arrive));
    let y2 = row_y(flow.to);
    let (y1, who) = match flow.from {
        Some(from) => (row_y(from), t.tasks[from].name.clone()),
        None => (
            y2 - ROW / 2.0 + 2.0,
            "the loop (a timer, I/O or a callback)".into(),
        ),
    };
    let to = &t.tasks[flow.to].name;
    let _ = writeln!(
        out,
        r##"<path d="M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {x2:.1},{:.1}" fill="none" stroke="#555" stroke-opacity="0.55" stroke-width="1" marker-end="url(#arrow)"><title>{} wakes {} at {}</title></path>"##,
        x1 + (x2 - x1) / 2.0,
        x1 + (x2 - x1) / 2.0,
        if y2 > y1 { y2 - 7.0 } else { y2 + 7.0 },
        esc(&who),
        esc(to),
        seconds(flow.at - scale.origin)
    );
}

// -- HTML ------------------------------------------------------------------------------

fn html(t: &Timeline) -> String {
    format!(
        r##"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>asyncio timeline</title>
<style>
body {{ font-family: Helvetica, Arial, sans-serif; margin: 16px; }}
#details {{ position: sticky; top: 0; background: #fffbe6; border: 1px solid #e0d090; padding: 6px 10px; min-height: 2.6em; white-space: pre-wrap; font-size: 13px; }}
svg [data-detail]:hover {{ opacity: 0.7; cursor: pointer; }}
</style></head>
<body>
<div id="details">Point at a task, a step, a wait or an end to see its details.</div>
{}<script>
const details = document.getElementById("details");
for (const mark of document.querySelectorAll("[data-detail]")) {{
  mark.addEventListener("mouseenter", () => {{ details.textContent = mark.dataset.detail; }});
}}
</script>
</body></html>
"##,
        svg(t, true)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        let near = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert!(near(tick_step(0.3), 0.05));
        assert!(near(tick_step(8.0), 1.0));
        assert!(near(tick_step(1.5), 0.2));
        assert_eq!(tick_label(0.05, 0.05), "50 ms");
        assert_eq!(tick_label(0.0025, 0.0005), "2.5 ms");
        assert_eq!(tick_label(2.0, 1.0), "2 s");
    }

    #[test]
    fn the_extension_chooses_the_format() {
        assert_eq!(Format::of("a/out.SVG"), Ok(Format::Svg));
        assert_eq!(Format::of("t.json"), Ok(Format::Json));
        assert!(Format::of("t.png").is_err());
    }
}
