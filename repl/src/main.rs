//! `towel`: the command line, shaped like `python`'s.
//!
//! ```text
//! towel script.py [args]     run a script (sys.argv = [script, args...])
//! towel FOLDER [args]        run FOLDER/__main__.py
//! towel -c CODE [args]       run CODE
//! towel -m MODULE [args]     run a module or package (`-m json.tool`, `-m dis FILE`, `-m asyncio`)
//! towel -                    read the program from stdin
//! towel                      the async REPL (reads stdin when it is not a terminal)
//! towel --virtual-time ...   any of the above on a virtual clock (also TOWEL_VIRTUAL_TIME=1)
//! ```
//!
//! Options are python's (see [`HELP`]), parsed as its getopt does: flags
//! combine (`-uc CODE`), and an option's argument may follow in the same
//! word (`-Wignore`, `-Xdev`). What they set reaches the program through
//! `sys.flags`, `sys.warnoptions` and `sys._xoptions`.

mod cli;
mod complete;
mod editor;
mod highlight;
mod interrupt;
mod output;
mod repl;
mod tasks;

use cli::{Command, Invocation};
use std::io::Read;
use std::process::ExitCode;
use towel_lang::vm::{MainError, Vm};

/// How the program ended.
enum Ended {
    /// It ran to its end.
    Normally,
    /// With an error, reported already; `-i` goes on to the REPL.
    Failed(ExitCode),
    /// With `sys.exit()`, or before it started; no REPL follows.
    Exited(ExitCode),
}

/// Runs `source` as `__main__`.
fn run_source(vm: &Vm, source: &str, filename: &str) -> Ended {
    let skip = vm.config.borrow().skip_first_line && filename != "<string>";
    if skip {
        // The line is blanked, not removed, so line numbers stay right.
        let rest = source.find('\n').map_or("", |at| &source[at..]);
        return finish(vm, vm.run_main(rest, filename));
    }
    finish(vm, vm.run_main(source, filename))
}

/// Reports how the program ended, as python does.
fn finish(vm: &Vm, result: Result<(), MainError>) -> Ended {
    match result {
        Ok(()) => Ended::Normally,
        Err(MainError::Syntax(e)) => {
            vm.flush_stdout();
            eprint!("{}", e.render());
            Ended::Failed(ExitCode::from(1))
        }
        Err(MainError::Message(msg)) => {
            vm.flush_stdout();
            eprintln!("{msg}");
            Ended::Exited(ExitCode::from(1))
        }
        Err(MainError::Exception(err)) => {
            let exited = vm.err_is(&err, &vm.exc.system_exit);
            let code = towel_lang::vm::exit_status(vm, &err);
            if exited {
                Ended::Exited(code)
            } else {
                Ended::Failed(code)
            }
        }
    }
}

/// Sets up the VM as the options ask: `sys.flags`, `sys.path`, buffering.
fn configure(vm: &Vm, inv: &Invocation) {
    let config = &inv.config;
    *vm.config.borrow_mut() = config.clone();
    if config.unbuffered {
        vm.stdout.borrow_mut().set_unbuffered();
    }
    let first = if config.safe_path {
        None
    } else {
        match &inv.command {
            Command::Script { path, .. } => Some(script_folder(path)),
            Command::Module { .. } => Some(cwd()),
            Command::Code { .. } | Command::Stdin { .. } | Command::Repl => Some(String::new()),
        }
    };
    vm.set_search_path(first, inv.pythonpath.clone());
}

/// `sys.path[0]` for a script: its folder, absolute with links resolved
/// (the folder itself when the script is a folder).
fn script_folder(path: &str) -> String {
    let p = std::path::Path::new(path);
    let resolved = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    if resolved.is_dir() {
        return resolved.display().to_string();
    }
    resolved
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default()
}

fn cwd() -> String {
    std::env::current_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_default()
}

fn real_main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    let inv = match cli::parse(argv) {
        Ok(inv) => inv,
        Err(code) => return code,
    };
    if inv.virtual_time {
        // The clock is per thread: this is the thread the program runs on.
        towel_runtime::time::use_virtual_clock();
    }
    if inv.config.asyncio_debug {
        towel_lang::stdlib::asyncio::debug::set_debug_by_default();
    }
    let vm = Vm::new();
    towel_lang::vm::install_interrupt_handler(&vm);
    configure(&vm, &inv);
    *vm.argv.borrow_mut() = inv.command.argv();
    let ran = match &inv.command {
        Command::Script { path, .. } => run_script(&vm, path),
        Command::Code { code, .. } => run_source(&vm, code, "<string>"),
        Command::Stdin { .. } => {
            let mut source = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut source) {
                eprintln!("towel: cannot read stdin: {e}");
                return ExitCode::from(1);
            }
            run_source(&vm, &source, "<stdin>")
        }
        Command::Module { name, args } if name == "dis" => {
            return match towel_lang::stdlib::dis::command_line(&vm, args) {
                Ok(text) => {
                    let _ = vm.write_stdout(&text);
                    if vm.flush_stdout_at_exit() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(120)
                    }
                }
                Err(msg) => {
                    eprintln!("{}", msg.trim_end());
                    ExitCode::from(1)
                }
            };
        }
        Command::Module { name, .. } if name == "asyncio" => {
            return repl::run(vm, repl::Start::Fresh)
        }
        Command::Module { name, .. } => finish(&vm, vm.run_module_as_main(name)),
        Command::Repl => return repl::run(vm, repl::Start::Fresh),
    };
    let status = match ran {
        // `-i`: the REPL after the program, even when it raised; from
        // PYTHONINSPECT only when standard input is a terminal.
        Ended::Normally | Ended::Failed(_)
            if inv.config.inspect
                && (inv.config.interactive
                    || std::io::IsTerminal::is_terminal(&std::io::stdin())) =>
        {
            return repl::run(vm, repl::Start::AfterProgram)
        }
        Ended::Normally => ExitCode::SUCCESS,
        Ended::Failed(code) | Ended::Exited(code) => code,
    };
    // `atexit` functions, then what the program's objects still owe it.
    vm.finalize_at_exit();
    // CPython exits with 120 when standard output cannot take what is left.
    if !vm.flush_stdout_at_exit() {
        return ExitCode::from(120);
    }
    status
}

/// `towel PATH`: a script file, or a folder with a `__main__.py`.
fn run_script(vm: &Vm, path: &str) -> Ended {
    let program = std::env::args().next().unwrap_or_else(|| "towel".into());
    if std::path::Path::new(path).is_dir() {
        let folder = script_folder(path);
        return finish(vm, vm.run_folder_as_main(&folder));
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!(
                "{program}: can't open file '{}': [Errno {}] {}",
                absolute(path),
                e.raw_os_error().unwrap_or(2),
                describe(&e)
            );
            return Ended::Exited(ExitCode::from(2));
        }
    };
    if bytes.starts_with(b"PK\x03\x04") {
        eprintln!("{program}: running a zip archive as a script is not supported by towel");
        return Ended::Exited(ExitCode::from(1));
    }
    let source = String::from_utf8_lossy(&bytes);
    // As CPython: `__file__` and tracebacks name the script by its
    // absolute path (the working directory joined, not normalised);
    // `sys.argv[0]` keeps the name as given.
    run_source(vm, &source, &absolute(path))
}

fn absolute(path: &str) -> String {
    std::env::current_dir()
        .map(|d| d.join(path).display().to_string())
        .unwrap_or_else(|_| path.to_string())
}

fn describe(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory",
        std::io::ErrorKind::PermissionDenied => "Permission denied",
        _ => "Input/output error",
    }
}

/// Reports a panic (a bug in towel, never a program's fault) in one clear
/// message instead of Rust's thread-panicked text. The interpreter thread
/// then unwinds, which flushes the program's buffered standard output (the
/// VM's output buffer flushes when dropped), and the process exits with
/// status 1. `RUST_BACKTRACE=1` adds Rust's report with its backtrace.
fn install_panic_report() {
    let rust_report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "towel: internal error: {what}{at}\n\
             This is a bug in towel, not in your program; please report it."
        );
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            rust_report(info);
        }
    }));
}

fn main() -> ExitCode {
    install_panic_report();
    // The interpreter runs on a thread with a large stack: Python-to-Python
    // calls do not recurse in Rust, but calls through native code do, up to
    // the recursion limit (and `towel_lang::vm::limits` stops native
    // recursion before the stack runs out).
    let child = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(real_main);
    match child {
        // A panic was reported by the hook above.
        Ok(handle) => handle.join().unwrap_or(ExitCode::from(1)),
        Err(_) => real_main(),
    }
}
