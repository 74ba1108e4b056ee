//! `towel`: the command line, shaped like `python`'s.
//!
//! ```text
//! towel script.py [args]     run a script (sys.argv = [script, args...])
//! towel -c CODE [args]       run CODE
//! towel -m MODULE [args]     run a module (`-m dis FILE`, `-m asyncio`)
//! towel -                    read the program from stdin
//! towel                      the async REPL (reads stdin when it is not a terminal)
//! towel --virtual-time ...   any of the above on a virtual clock (also TOWEL_VIRTUAL_TIME=1)
//! ```

mod complete;
mod editor;
mod highlight;
mod interrupt;
mod output;
mod repl;
mod tasks;

use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use towel_lang::vm::{MainError, Vm};

const USAGE: &str = "usage: towel [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-m mod : run library module as a script (terminates option list)
-V     : print the towel version number and exit (also --version)
-X dev : development mode (asyncio's debug mode on; other -X options are
         accepted and ignored)
--virtual-time : run on a virtual clock that jumps to the next timer whenever
         every task waits on one (also TOWEL_VIRTUAL_TIME=1)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// What the command line asks for.
enum Command {
    Script { path: String, args: Vec<String> },
    Code { code: String, args: Vec<String> },
    Module { name: String, args: Vec<String> },
    Stdin { args: Vec<String> },
    Repl,
}

/// The options that are not a [`Command`].
#[derive(Default)]
struct Options {
    /// `--virtual-time` or `TOWEL_VIRTUAL_TIME=1`: the program's clock is
    /// the runtime's virtual clock.
    virtual_time: bool,
    /// `-X dev`: development mode.
    dev_mode: bool,
}

impl Options {
    fn from_environment() -> Options {
        Options {
            virtual_time: std::env::var_os("TOWEL_VIRTUAL_TIME")
                .is_some_and(|v| !v.is_empty() && v != "0"),
            dev_mode: false,
        }
    }
}

fn parse_args(mut argv: Vec<String>, options: &mut Options) -> Result<Command, ExitCode> {
    argv.remove(0);
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        match a {
            "-h" | "--help" | "-?" => {
                print!("{USAGE}");
                return Err(ExitCode::SUCCESS);
            }
            "-V" | "--version" => {
                println!(
                    "towel {} (Python 3.11 compatible)",
                    env!("CARGO_PKG_VERSION")
                );
                return Err(ExitCode::SUCCESS);
            }
            "-c" | "-m" => {
                let Some(value) = argv.get(i + 1).cloned() else {
                    eprintln!("Argument expected for the {a} option\n{USAGE}");
                    return Err(ExitCode::from(2));
                };
                let rest = argv[i + 2..].to_vec();
                return Ok(if a == "-c" {
                    Command::Code {
                        code: value,
                        args: [vec!["-c".to_string()], rest].concat(),
                    }
                } else {
                    Command::Module {
                        name: value,
                        args: rest,
                    }
                });
            }
            "-" => {
                return Ok(Command::Stdin {
                    args: argv[i..].to_vec(),
                })
            }
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-q" => i += 1,
            "-X" => {
                let Some(option) = argv.get(i + 1) else {
                    eprintln!("Argument expected for the -X option\n{USAGE}");
                    return Err(ExitCode::from(2));
                };
                options.dev_mode |= option == "dev";
                i += 2;
            }
            _ if a.starts_with("-X") => {
                options.dev_mode |= a == "-Xdev";
                i += 1;
            }
            "--virtual-time" => {
                options.virtual_time = true;
                i += 1;
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                eprintln!("Unknown option: {a}\n{USAGE}");
                return Err(ExitCode::from(2));
            }
            _ => {
                return Ok(Command::Script {
                    path: argv[i].clone(),
                    args: argv[i..].to_vec(),
                })
            }
        }
    }
    if std::io::stdin().is_terminal() {
        Ok(Command::Repl)
    } else {
        Ok(Command::Stdin {
            args: vec![String::new()],
        })
    }
}

/// Runs `source` as `__main__` and turns the outcome into python's exit status.
fn run_source(vm: &Vm, source: &str, filename: &str) -> ExitCode {
    match vm.run_main(source, filename) {
        Ok(()) => ExitCode::SUCCESS,
        Err(MainError::Syntax(e)) => {
            vm.flush_stdout();
            eprint!("{}", e.render());
            ExitCode::from(1)
        }
        Err(MainError::Exception(err)) => towel_lang::vm::exit_status(vm, &err),
    }
}

fn real_main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    let mut options = Options::from_environment();
    let command = match parse_args(argv, &mut options) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if options.virtual_time {
        // The clock is per thread: this is the thread the program runs on.
        towel_runtime::time::use_virtual_clock();
    }
    if options.dev_mode {
        towel_lang::stdlib::asyncio::debug::set_dev_mode();
    }
    let vm = Vm::new();
    towel_lang::vm::install_interrupt_handler(&vm);
    match command {
        Command::Script { path, args } => {
            let source = match std::fs::read(&path) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => {
                    let program = std::env::args().next().unwrap_or_else(|| "towel".into());
                    eprintln!(
                        "{program}: can't open file '{}': [Errno {}] {}",
                        absolute(&path),
                        e.raw_os_error().unwrap_or(2),
                        describe(&e)
                    );
                    return ExitCode::from(2);
                }
            };
            let dir = std::path::Path::new(&path).parent().map(|p| {
                if p.as_os_str().is_empty() {
                    std::path::PathBuf::from(".")
                } else {
                    p.to_path_buf()
                }
            });
            vm.path.borrow_mut().extend(dir);
            *vm.argv.borrow_mut() = args;
            // As CPython: `__file__` and tracebacks name the script by its
            // absolute path (the working directory joined, not normalised);
            // `sys.argv[0]` keeps the name as given.
            run_source(&vm, &source, &absolute(&path))
        }
        Command::Code { code, args } => {
            vm.path.borrow_mut().push(".".into());
            *vm.argv.borrow_mut() = args;
            run_source(&vm, &code, "<string>")
        }
        Command::Stdin { args } => {
            vm.path.borrow_mut().push(".".into());
            *vm.argv.borrow_mut() = args;
            let mut source = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut source) {
                eprintln!("towel: cannot read stdin: {e}");
                return ExitCode::from(1);
            }
            run_source(&vm, &source, "<stdin>")
        }
        Command::Module { name, args } if name == "dis" => {
            match towel_lang::stdlib::dis::command_line(&vm, &args) {
                Ok(text) => {
                    vm.write_stdout(&text);
                    vm.flush_stdout();
                    ExitCode::SUCCESS
                }
                Err(msg) => {
                    eprintln!("{}", msg.trim_end());
                    ExitCode::from(1)
                }
            }
        }
        Command::Module { name, .. } if name == "asyncio" => repl::run(vm),
        Command::Module { name, .. } => {
            let program = std::env::args().next().unwrap_or_else(|| "towel".into());
            eprintln!("{program}: No module named {name}");
            ExitCode::from(1)
        }
        Command::Repl => repl::run(vm),
    }
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
