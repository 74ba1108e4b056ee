"""A small stand-in for pyperf, enough to run pyperformance's benchmark
programs once each under any interpreter (towel or CPython) in one process.

pyperf itself spawns worker processes, calibrates loop counts and keeps
statistics; the harness beside this package (`../run`) instead times the
whole process from outside (CPU time and peak RSS), so a benchmark here just
runs its workload a fixed number of times: `--loops N` (or the environment
variable TOWEL_BENCH_LOOPS), 1 by default. Only the API the benchmark
programs call is provided.
"""

import argparse
import os
import platform
import sys
import time

perf_counter = time.perf_counter


def python_implementation():
    return platform.python_implementation().lower()


class Runner:
    def __init__(self, values=None, processes=None, loops=0, min_time=0.1,
                 metadata=None, show_name=True, program_args=None,
                 add_cmdline_args=None, _argparser=None, warmups=None, **_):
        self.metadata = dict(metadata or {})
        self.args = None
        self._add_cmdline_args = add_cmdline_args
        parser = _argparser or argparse.ArgumentParser()
        parser.add_argument("--loops", type=int,
                            default=int(os.environ.get("TOWEL_BENCH_LOOPS", "1")),
                            help="times each benchmark function runs")
        parser.add_argument("--quiet", "-q", action="store_true")
        self.argparser = parser

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(args)
        return self.args

    def _loops(self):
        return self.parse_args().loops

    def _report(self, name, seconds, loops):
        if not self.parse_args().quiet:
            print(f"{name}: {seconds / loops:.6f} s per loop ({loops} loops)")

    def bench_time_func(self, name, time_func, *args, inner_loops=None, metadata=None):
        loops = self._loops()
        self._report(name, time_func(loops, *args), loops)

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        loops = self._loops()
        start = perf_counter()
        for _ in range(loops):
            func(*args)
        self._report(name, perf_counter() - start, loops)

    def bench_async_func(self, name, func, *args, inner_loops=None, metadata=None,
                         loop_factory=None):
        import asyncio

        loops = self._loops()
        start = perf_counter()
        for _ in range(loops):
            asyncio.run(func(*args))
        self._report(name, perf_counter() - start, loops)

    def bench_command(self, name, command):
        import subprocess

        loops = self._loops()
        start = perf_counter()
        for _ in range(loops):
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        self._report(name, perf_counter() - start, loops)
