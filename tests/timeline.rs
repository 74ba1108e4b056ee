//! The task timeline (`towel --timeline FILE script.py`): the example
//! programs' timelines in each format, on the virtual clock (so times are
//! the scripts' own: the crows land at 0.1, 0.2 and 0.3 s).
//!
//! The JSON must be a trace Perfetto and `chrome://tracing` accept: the
//! checks below follow the trace event format's rules (every event has a
//! phase, a process and a thread; complete events have a start and a
//! duration; each flow has a start and an end bound to a slice; every
//! thread used is named), plus what the program did (one named thread per
//! task, its steps, the wake-ups between them).

use libtest_mimic::{Arguments, Trial};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn main() {
    let args = Arguments::from_args();
    let trials = vec![
        Trial::test("crows_taskgroup json is a trace", || Ok(crows_json()?)),
        Trial::test("crows_taskgroup svg is a picture", || {
            Ok(crows_picture("svg")?)
        }),
        Trial::test("crows_taskgroup html wraps the picture", || {
            Ok(crows_picture("html")?)
        }),
        Trial::test("every example's trace is well formed", || {
            Ok(every_example()?)
        }),
        Trial::test("an unknown extension is refused", || {
            Ok(unknown_extension()?)
        }),
    ];
    libtest_mimic::run(&args, trials).exit();
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `script` with `--virtual-time --timeline OUT.ext` and returns
/// the file written.
fn record(script: &Path, ext: &str) -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("towel-timeline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let stem = script.file_stem().unwrap().to_string_lossy();
    let out = dir.join(format!("{stem}.{ext}"));
    let run = Command::new(common::towel_binary())
        .arg("--virtual-time")
        .arg("--timeline")
        .arg(&out)
        .arg(script)
        .current_dir(root())
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    if !run.status.success() {
        return Err(format!(
            "{} failed: {}",
            script.display(),
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))
}

fn check(ok: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(what())
    }
}

/// The trace event format's rules; returns the events.
fn well_formed(text: &str) -> Result<Vec<Value>, String> {
    let trace: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let events = trace["traceEvents"]
        .as_array()
        .ok_or("no traceEvents array")?
        .clone();
    let mut named_threads = HashSet::new();
    let mut used_threads = HashSet::new();
    let mut flow_starts = HashMap::new();
    let mut flow_ends = HashMap::new();
    for e in &events {
        let ph = e["ph"].as_str().ok_or_else(|| format!("no phase: {e}"))?;
        check(e["pid"].is_u64(), || format!("no pid: {e}"))?;
        check(e["name"].is_string(), || format!("no name: {e}"))?;
        if ph == "M" {
            if e["name"] == "thread_name" {
                named_threads.insert(e["tid"].as_u64().ok_or("thread_name without tid")?);
                check(e["args"]["name"].is_string(), || {
                    format!("unnamed thread: {e}")
                })?;
            }
            continue;
        }
        let tid = e["tid"].as_u64().ok_or_else(|| format!("no tid: {e}"))?;
        used_threads.insert(tid);
        let ts = e["ts"].as_f64().ok_or_else(|| format!("no ts: {e}"))?;
        check(ts >= 0.0, || format!("negative time: {e}"))?;
        match ph {
            "X" => {
                let dur = e["dur"]
                    .as_f64()
                    .ok_or_else(|| format!("X without dur: {e}"))?;
                check(dur >= 0.0, || format!("negative duration: {e}"))?;
            }
            "i" => check(e["s"] == "t", || format!("instant not on its thread: {e}"))?,
            "s" => {
                flow_starts.insert(e["id"].as_u64().ok_or("flow without id")?, e.clone());
            }
            "f" => {
                check(e["bp"] == "e", || {
                    format!("flow end not bound to its slice: {e}")
                })?;
                flow_ends.insert(e["id"].as_u64().ok_or("flow without id")?, e.clone());
            }
            other => return Err(format!("unexpected phase {other}: {e}")),
        }
    }
    check(used_threads.is_subset(&named_threads), || {
        format!("threads used but not named: {used_threads:?} vs {named_threads:?}")
    })?;
    let starts: HashSet<_> = flow_starts.keys().collect();
    let ends: HashSet<_> = flow_ends.keys().collect();
    check(starts == ends, || "flows without both ends".to_string())?;
    for (id, start) in &flow_starts {
        let end = &flow_ends[id];
        check(end["ts"].as_f64() >= start["ts"].as_f64(), || {
            format!("flow {id} ends before it starts")
        })?;
        // A flow starts inside a slice of its thread.
        let (tid, ts) = (&start["tid"], start["ts"].as_f64().unwrap());
        let inside = events.iter().any(|e| {
            e["ph"] == "X" && &e["tid"] == tid && {
                let s = e["ts"].as_f64().unwrap();
                s <= ts + 1e-6 && ts <= s + e["dur"].as_f64().unwrap() + 1e-6
            }
        });
        check(inside, || {
            format!("flow {id} starts outside any slice: {start}")
        })?;
    }
    Ok(events)
}

fn crows_json() -> Result<(), String> {
    let text = record(&root().join("examples/crows_taskgroup.py"), "json")?;
    let events = well_formed(&text)?;
    let thread_names: HashMap<u64, String> = events
        .iter()
        .filter(|e| e["ph"] == "M" && e["name"] == "thread_name")
        .map(|e| {
            (
                e["tid"].as_u64().unwrap(),
                e["args"]["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for task in ["Task-1", "Task-2", "Task-3", "Task-4"] {
        check(thread_names.values().any(|n| n == task), || {
            format!("no thread for {task}: {thread_names:?}")
        })?;
    }
    let tid_of = |name: &str| {
        thread_names
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(t, _)| *t)
            .unwrap()
    };
    // Each crow runs two steps (take off, arrive) and ends at its delay.
    for (task, delay) in [("Task-2", 0.3), ("Task-3", 0.2), ("Task-4", 0.1)] {
        let tid = tid_of(task);
        let steps = events
            .iter()
            .filter(|e| e["ph"] == "X" && e["name"] == "step" && e["tid"] == tid)
            .count();
        check(steps == 2, || format!("{task} ran {steps} steps"))?;
        let wait = events
            .iter()
            .find(|e| e["ph"] == "X" && e["cat"] == "wait" && e["tid"] == tid)
            .ok_or_else(|| format!("{task} never waits"))?;
        check(wait["name"] == format!("wait: sleep({delay})"), || {
            format!("{task}'s wait: {wait}")
        })?;
        let end = events
            .iter()
            .find(|e| {
                e["ph"] == "i" && e["tid"] == tid && e["cat"] == "task" && e["name"] != "created"
            })
            .ok_or_else(|| format!("{task} never ends"))?;
        check(end["name"] == format!("returned {delay}"), || {
            format!("{task}: {end}")
        })?;
        let at = end["ts"].as_f64().unwrap() / 1e6;
        check((at - delay).abs() < 1e-3, || {
            format!("{task} ends at {at} s")
        })?;
    }
    // main (Task-1) creates the crows: flows from its thread to theirs.
    let main = tid_of("Task-1");
    let created_by_main = events
        .iter()
        .filter(|e| e["ph"] == "s" && e["tid"] == main)
        .count();
    check(created_by_main >= 3, || {
        format!("{created_by_main} flows leave main")
    })
}

fn crows_picture(ext: &str) -> Result<(), String> {
    let text = record(&root().join("examples/crows_taskgroup.py"), ext)?;
    let svg_start = text.find("<svg").ok_or("no <svg>")?;
    check(
        text.trim_end()
            .ends_with(if ext == "svg" { "</svg>" } else { "</html>" }),
        || "unterminated".into(),
    )?;
    check(ext == "svg" || text.starts_with("<!DOCTYPE html>"), || {
        "not a page".into()
    })?;
    let svg = &text[svg_start..];
    for needle in [
        "Task-1 · main()",
        "Task-2 · send_crow()",
        "sleep(0.3)",
        "returned 0.1",
        "marker-end=\"url(#arrow)\"",
        "100 ms",
    ] {
        check(svg.contains(needle), || {
            format!("the picture lacks {needle:?}")
        })?;
    }
    check(ext == "svg" || text.contains("data-detail="), || {
        "the page has no hover details".into()
    })
}

fn every_example() -> Result<(), String> {
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("examples")).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.extension().is_some_and(|e| e == "py") {
            let text = record(&path, "json")?;
            well_formed(&text).map_err(|e| format!("{name}: {e}"))?;
            checked += 1;
        }
    }
    check(checked > 5, || format!("only {checked} examples"))
}

fn unknown_extension() -> Result<(), String> {
    let run = Command::new(common::towel_binary())
        .args(["--timeline", "out.png", "-c", "pass"])
        .output()
        .map_err(|e| e.to_string())?;
    check(run.status.code() == Some(2), || format!("{:?}", run.status))?;
    let err = String::from_utf8_lossy(&run.stderr);
    check(err.contains(".json, .svg or .html"), || err.to_string())
}
