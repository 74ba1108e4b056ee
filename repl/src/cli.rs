//! Parsing python's command line: options, environment variables and what
//! to run. Errors and help print what python prints and end the process
//! with its status (2 for a bad option, 0 for `-h`/`-V`).

use std::io::IsTerminal;
use std::process::ExitCode;
use towel_lang::vm::Config;

/// What to run.
pub enum Command {
    /// A script file or a folder with `__main__.py`; `args[0]` is the path.
    Script {
        path: String,
        args: Vec<String>,
    },
    Code {
        code: String,
        args: Vec<String>,
    },
    Module {
        name: String,
        args: Vec<String>,
    },
    /// The program from standard input; `args[0]` is `-` or empty.
    Stdin {
        args: Vec<String>,
    },
    Repl,
}

impl Command {
    /// `sys.argv` as python sets it before the program runs.
    pub fn argv(&self) -> Vec<String> {
        match self {
            Command::Script { args, .. } | Command::Stdin { args } => args.clone(),
            Command::Code { args, .. } => [vec!["-c".to_string()], args.clone()].concat(),
            Command::Module { args, .. } => [vec!["-m".to_string()], args.clone()].concat(),
            Command::Repl => vec![String::new()],
        }
    }
}

/// The parsed command line.
pub struct Invocation {
    pub config: Config,
    pub command: Command,
    /// `PYTHONPATH`'s folders, absolute.
    pub pythonpath: Vec<String>,
    /// `--virtual-time` or `TOWEL_VIRTUAL_TIME=1`: the program runs on the
    /// runtime's virtual clock.
    pub virtual_time: bool,
}

/// The options python's getopt knows; those followed by `:` take an argument.
const OPTIONS: &str = "bBc:dEhiIm:OPqRsStuvVW:xX:?";

/// The first line of usage, with the program's name.
fn usage_line(program: &str) -> String {
    format!("usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

/// `-h`: the options towel takes, in python's layout.
const HELP: &str = "\
Options (and corresponding environment variables):
-b     : accepted for compatibility (bytes/str comparison warnings are not issued)
-B     : don't write .pyc files on import (towel never writes any);
         also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : accepted for compatibility (parser debugging output)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements;
         also PYTHONOPTIMIZE=x
-OO    : as -O (docstrings are kept)
-P     : don't prepend a potentially unsafe path to sys.path;
         also PYTHONSAFEPATH=x
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path (there is none);
         also PYTHONNOUSERSITE
-S     : don't imply 'import site' on initialization (there is no site)
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : accepted for compatibility (verbose imports); also PYTHONVERBOSE=x
-V     : print the towel version number and exit (also --version)
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
--virtual-time : run on a virtual clock that jumps to the next timer whenever
         every task waits on one; also TOWEL_VIRTUAL_TIME=1
-X opt : set implementation-specific option: -X dev turns on the
         development mode (also PYTHONDEVMODE=1); others are recorded
         in sys._xoptions
--check-hash-based-pycs always|default|never:
         accepted for compatibility
Arguments:
file   : program read from script file (or a folder with a __main__.py)
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Other environment variables:
PYTHONPATH   : ':'-separated list of directories prefixed to the
               default module search path.  The result is sys.path.
PYTHONASYNCIODEBUG: turn on asyncio's debug mode.
";

/// Prints a bad-option message and the usage, as python does.
fn bad_usage(program: &str, message: &str) -> ExitCode {
    eprintln!(
        "{message}\n{}\nTry `python -h' for more information.",
        usage_line(program)
    );
    ExitCode::from(2)
}

/// True when the environment variable is set to something non-empty.
fn env_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

/// Parses `argv` (the program's name first). `Err` is the exit status when
/// the command line has been handled (help, version) or is wrong.
pub fn parse(argv: Vec<String>) -> Result<Invocation, ExitCode> {
    let program = argv.first().cloned().unwrap_or_else(|| "towel".into());
    let mut config = Config {
        orig_argv: argv.clone(),
        ..Config::default()
    };
    let mut warn_cli = Vec::new();
    let mut virtual_time =
        std::env::var_os("TOWEL_VIRTUAL_TIME").is_some_and(|v| !v.is_empty() && v != "0");
    let mut i = 1;
    let mut command = None;
    'words: while i < argv.len() {
        let word = argv[i].as_str();
        if word == "--" {
            i += 1;
            break;
        }
        if !word.starts_with('-') || word == "-" {
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            match long {
                "help" | "help-all" | "help-env" | "help-xoptions" => {
                    print!("{}\n{HELP}", usage_line(&program));
                    return Err(ExitCode::SUCCESS);
                }
                "version" => return Err(version()),
                "check-hash-based-pycs" => i += 1,
                "virtual-time" => virtual_time = true,
                _ => return Err(bad_usage(&program, &format!("unknown option {word}"))),
            }
            i += 1;
            continue;
        }
        let chars: Vec<char> = word[1..].chars().collect();
        for (j, &c) in chars.iter().enumerate() {
            let takes_value = OPTIONS
                .find(c)
                .is_some_and(|at| OPTIONS[at + c.len_utf8()..].starts_with(':'));
            if takes_value {
                let rest: String = chars[j + 1..].iter().collect();
                let value = if !rest.is_empty() {
                    rest
                } else if let Some(next) = argv.get(i + 1) {
                    i += 1;
                    next.clone()
                } else {
                    return Err(bad_usage(
                        &program,
                        &format!("Argument expected for the -{c} option"),
                    ));
                };
                let after = argv[i + 1..].to_vec();
                match c {
                    'c' => {
                        command = Some(Command::Code {
                            code: value,
                            args: after,
                        });
                        break 'words;
                    }
                    'm' => {
                        command = Some(Command::Module {
                            name: value,
                            args: after,
                        });
                        break 'words;
                    }
                    'W' => warn_cli.push(value),
                    _ => {
                        let (k, v) = match value.split_once('=') {
                            Some((k, v)) => (k.to_string(), Some(v.to_string())),
                            None => (value, None),
                        };
                        if k == "dev" {
                            config.dev_mode = true;
                        }
                        config.xoptions.push((k, v));
                    }
                }
                break;
            }
            match c {
                'b' => config.bytes_warning += 1,
                'B' => config.dont_write_bytecode = true,
                'd' | 'R' | 't' => {}
                'E' => config.ignore_environment = true,
                'h' | '?' => {
                    print!("{}\n{HELP}", usage_line(&program));
                    return Err(ExitCode::SUCCESS);
                }
                'i' => {
                    config.inspect = true;
                    config.interactive = true;
                }
                'I' => {
                    config.isolated = true;
                    config.ignore_environment = true;
                    config.no_user_site = true;
                    config.safe_path = true;
                }
                'O' => config.optimize += 1,
                'P' => config.safe_path = true,
                'q' => config.quiet = true,
                's' => config.no_user_site = true,
                'S' => config.no_site = true,
                'u' => config.unbuffered = true,
                'v' => config.verbose += 1,
                'V' => return Err(version()),
                'x' => config.skip_first_line = true,
                _ => return Err(bad_usage(&program, &format!("Unknown option: -{c}"))),
            }
        }
        i += 1;
    }
    let command = match command {
        Some(c) => c,
        None if i < argv.len() && argv[i] == "-" => Command::Stdin {
            args: argv[i..].to_vec(),
        },
        None if i < argv.len() => Command::Script {
            path: argv[i].clone(),
            args: argv[i..].to_vec(),
        },
        None if config.inspect || std::io::stdin().is_terminal() => Command::Repl,
        None => Command::Stdin {
            args: vec![String::new()],
        },
    };
    let pythonpath = read_environment(&mut config, warn_cli);
    Ok(Invocation {
        config,
        command,
        pythonpath,
        virtual_time,
    })
}

/// Applies the `PYTHON*` variables (unless `-E`) and finishes the
/// settings that depend on several sources; returns PYTHONPATH's folders.
fn read_environment(config: &mut Config, warn_cli: Vec<String>) -> Vec<String> {
    let mut pythonpath = Vec::new();
    let mut warn_env = Vec::new();
    if !config.ignore_environment {
        config.unbuffered |= env_flag("PYTHONUNBUFFERED");
        config.dont_write_bytecode |= env_flag("PYTHONDONTWRITEBYTECODE");
        config.dev_mode |= env_flag("PYTHONDEVMODE");
        config.inspect |= env_flag("PYTHONINSPECT");
        config.safe_path |= env_flag("PYTHONSAFEPATH");
        config.no_user_site |= env_flag("PYTHONNOUSERSITE");
        config.asyncio_debug = env_flag("PYTHONASYNCIODEBUG");
        if let Ok(level) = std::env::var("PYTHONOPTIMIZE") {
            let level = level.parse().unwrap_or(u8::from(!level.is_empty()));
            config.optimize = config.optimize.max(level);
        }
        if let Ok(level) = std::env::var("PYTHONVERBOSE") {
            let level = level.parse().unwrap_or(u8::from(!level.is_empty()));
            config.verbose = config.verbose.max(level);
        }
        if let Ok(w) = std::env::var("PYTHONWARNINGS") {
            warn_env.extend(w.split(',').filter(|s| !s.is_empty()).map(str::to_string));
        }
        if let Some(path) = std::env::var_os("PYTHONPATH") {
            let cwd = std::env::current_dir().unwrap_or_default();
            pythonpath = std::env::split_paths(&path)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| cwd.join(p).display().to_string())
                .collect();
        }
    }
    // As CPython: the development mode shows every warning once per
    // location, then PYTHONWARNINGS, then -W options take precedence.
    config.asyncio_debug |= config.dev_mode;
    if config.dev_mode {
        config.warnoptions.push("default".into());
    }
    config.warnoptions.extend(warn_env);
    config.warnoptions.extend(warn_cli);
    pythonpath
}

fn version() -> ExitCode {
    println!(
        "towel {} (Python 3.11 compatible)",
        env!("CARGO_PKG_VERSION")
    );
    ExitCode::SUCCESS
}
