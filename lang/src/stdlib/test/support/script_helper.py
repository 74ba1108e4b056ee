"""Run the interpreter in a child process and check what it did."""

import collections
import os
import subprocess
import sys

_PythonRunResult = collections.namedtuple("_PythonRunResult", ("rc", "out", "err"))


def interpreter_requires_environment():
    """Whether the interpreter needs its environment variables to work (no)."""
    return False


def _command(args, isolated):
    command = [sys.executable]
    if isolated:
        command.append("-I")
    command.extend(args)
    return command


def run_python_until_end(*args, **env_vars):
    """Run the interpreter with `args`; keyword `__isolated` (default True)
    adds -I, `__cwd` sets the folder, other keywords are environment
    variables. Returns (result, command)."""
    isolated = env_vars.pop("__isolated", True)
    cwd = env_vars.pop("__cwd", None)
    env = dict(os.environ) if not env_vars.pop("__cleanenv", False) else {}
    env.update(env_vars)
    command = _command(args, isolated)
    proc = subprocess.run(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, cwd=cwd)
    return _PythonRunResult(proc.returncode, proc.stdout, proc.stderr), command


def _failure(res, command):
    out = res.out.decode("ascii", "replace").rstrip()
    err = res.err.decode("ascii", "replace").rstrip()
    return AssertionError(
        f"Process return code is {res.rc}\ncommand line: {command!r}\n\n"
        f"stdout:\n---\n{out}\n---\n\nstderr:\n---\n{err}\n---")


def _assert_python(expected_success, *args, **env_vars):
    res, command = run_python_until_end(*args, **env_vars)
    if (res.rc == 0) != expected_success:
        raise _failure(res, command)
    return res


def assert_python_ok(*args, **env_vars):
    """Run the interpreter with `args` and check it exits with 0; returns
    (rc, stdout, stderr) as bytes."""
    return _assert_python(True, *args, **env_vars)


def assert_python_failure(*args, **env_vars):
    """As assert_python_ok, but the exit code must not be 0."""
    return _assert_python(False, *args, **env_vars)


def spawn_python(*args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw):
    """Start the interpreter with `args`; returns the Popen."""
    return subprocess.Popen([sys.executable, "-E", *args], stdin=subprocess.PIPE,
                            stdout=stdout, stderr=stderr, **kw)


def kill_python(proc):
    """Close the child's stdin, wait for it and return its output."""
    proc.stdin.close()
    data = proc.stdout.read()
    proc.stdout.close()
    proc.wait()
    return data


def make_script(script_dir, script_basename, source, omit_suffix=False):
    name = script_basename if omit_suffix else script_basename + ".py"
    path = os.path.join(script_dir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    return path
