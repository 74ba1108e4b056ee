# `unittest.main` (TestProgram): the command line of a test module
# (`python3 test_x.py -v`) and of `-m unittest` (named tests, or discovery
# with `discover -s DIR -p PATTERN -t TOP`). It parses the options, loads
# the tests, runs them with a TextTestRunner and exits with 0 when the run
# succeeded, 1 when it did not (2 for a bad command line).

import argparse
import os
import sys

from unittest import loader, runner
from unittest.signals import installHandler

__unittest = True

MAIN_EXAMPLES = """\
Examples:
  %(prog)s test_module               - run tests from test_module
  %(prog)s module.TestClass          - run tests from module.TestClass
  %(prog)s module.Class.test_method  - run specified test method
  %(prog)s path/to/test_file.py      - run tests from test_file.py
"""

MODULE_EXAMPLES = """\
Examples:
  %(prog)s                           - run default set of tests
  %(prog)s MyTestSuite               - run suite 'MyTestSuite'
  %(prog)s MyTestCase.testSomething  - run MyTestCase.testSomething
  %(prog)s MyTestCase                - run all 'test*' test methods
                                       in MyTestCase
"""


def _convert_name(name):
    """A test name from the command line: the path of a .py file below
    the current folder becomes a module name; anything else is kept."""
    if not (os.path.isfile(name) and name.lower().endswith(".py")):
        return name
    if os.path.isabs(name):
        relative = os.path.relpath(name, os.getcwd())
        if os.path.isabs(relative) or relative.startswith(os.pardir):
            return name  # outside the current folder: no module name
        name = relative
    # Both separators, for names written on Windows.
    module_path = os.path.normpath(name)[:-len(".py")]
    return module_path.replace("\\", ".").replace("/", ".")


def _convert_names(names):
    return [_convert_name(name) for name in names]


def _convert_select_pattern(pattern):
    """-k PATTERN: a plain word matches anywhere in a test's name."""
    return pattern if "*" in pattern else "*%s*" % pattern


# The options of both command lines: flags, add_argument's settings, and
# for those that the constructor can settle instead, what makes the value
# the program starts from when it does not (an option settled in the
# constructor is not offered at all); None for those always offered.
_RUN_OPTIONS = (
    (("-v", "--verbose"), dict(dest="verbosity", action="store_const", const=2,
                               help="Verbose output"), None),
    (("-q", "--quiet"), dict(dest="verbosity", action="store_const", const=0,
                             help="Quiet output"), None),
    (("--locals",), dict(dest="tb_locals", action="store_true",
                         help="Show local variables in tracebacks"), None),
    (("-f", "--failfast"), dict(dest="failfast", action="store_true",
                                help="Stop on first fail or error"), bool),
    (("-c", "--catch"), dict(dest="catchbreak", action="store_true",
                             help="Catch Ctrl-C and display results so far"), bool),
    (("-b", "--buffer"), dict(dest="buffer", action="store_true",
                              help="Buffer stdout and stderr during tests"), bool),
    (("-k",), dict(dest="testNamePatterns", action="append", type=_convert_select_pattern,
                   help="Only run tests which match the given substring"), list),
)

# Discovery's own options; each can also be given by position.
_DISCOVERY_OPTIONS = (
    (("-s", "--start-directory"), "start", "Directory to start discovery ('.' default)"),
    (("-p", "--pattern"), "pattern", "Pattern to match tests ('test*.py' default)"),
    (("-t", "--top-level-directory"), "top",
     "Top level directory of project (defaults to start directory)"),
)

_DISCOVERY_EPILOG = ("For test discovery all test modules must be importable from the top "
                     "level directory of the project.")


class TestProgram(object):
    """Runs the tests of a module (or, with module=None, those named on
    the command line or discovered) as the command line says."""

    # The options the constructor can settle; None leaves them to the
    # command line.
    failfast = catchbreak = buffer = progName = warnings = testNamePatterns = None
    _discovery_parser = None

    def __init__(self, module="__main__", defaultTest=None, argv=None, testRunner=None,
                 testLoader=loader.defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False):
        self.module = _module_from(module)
        self.exit, self.verbosity, self.tb_locals = exit, verbosity, tb_locals
        self.failfast, self.catchbreak, self.buffer = failfast, catchbreak, buffer
        # Show the run's warnings (DeprecationWarning too) unless told
        # otherwise, here or by -W.
        self.warnings = "default" if warnings is None and not sys.warnoptions else warnings
        self.defaultTest, self.testRunner, self.testLoader = defaultTest, testRunner, testLoader
        command_line = sys.argv if argv is None else argv
        self.progName = os.path.basename(command_line[0])
        self.parseArgs(command_line)
        self.runTests()

    # -- the command line -------------------------------------------------------

    def usageExit(self, msg=None):
        """Prints `msg` and the help, and exits with status 2."""
        if msg:
            print(msg)
        if self._discovery_parser is None:
            self._make_parsers()
        self._show_help()
        sys.exit(2)

    def _show_help(self, *args, **kwargs):
        # -h: the options, examples, and for -m unittest discovery's help.
        print(self._main_parser.format_help())
        if self.module is not None:
            print(MODULE_EXAMPLES % {"prog": self.progName})
        else:
            print(MAIN_EXAMPLES % {"prog": self.progName})
            self._discovery_parser.print_help()

    def parseArgs(self, argv):
        """Reads the options and test names of `argv` (argv[0] is the
        program), then loads the tests."""
        self._make_parsers()
        words = argv[1:]
        if self.module is None and words and words[0].lower() == "discover":
            self._discover(words[1:])
            return
        self._main_parser.parse_args(words, self)
        if self.module is None and not self.tests:
            self._discover([])  # `-m unittest` alone discovers
            return
        self.testNames = self._names_to_load()
        self.createTests()

    def _names_to_load(self):
        """The names given, else the defaultTest ones; None for the whole
        module."""
        if self.tests:
            return _convert_names(self.tests)
        if self.defaultTest is None:
            return None
        if isinstance(self.defaultTest, str):
            return (self.defaultTest,)
        return list(self.defaultTest)

    def _make_parsers(self):
        """The parser of the test names and the one of `discover`; both
        take the run options."""
        shared = argparse.ArgumentParser(add_help=False)
        for flags, settings, make_unset in _RUN_OPTIONS:
            if make_unset is not None:
                if getattr(self, settings["dest"]) is not None:
                    continue  # settled by the constructor
                setattr(self, settings["dest"], make_unset())
            shared.add_argument(*flags, **settings)

        names = argparse.ArgumentParser(prog=self.progName, parents=[shared])
        names.print_help = self._show_help
        names.add_argument("tests", nargs="*",
                           help="a list of any number of test modules, classes and test methods.")

        discovery = argparse.ArgumentParser(prog=self.progName + " discover", parents=[shared],
                                            epilog=_DISCOVERY_EPILOG)
        for flags, dest, text in _DISCOVERY_OPTIONS:
            discovery.add_argument(*flags, dest=dest, help=text)
        for flags, dest, text in _DISCOVERY_OPTIONS:
            discovery.add_argument(dest, nargs="?", default=argparse.SUPPRESS,
                                   help=argparse.SUPPRESS)
        self._main_parser, self._discovery_parser = names, discovery

    def _discover(self, words, loader_class=None):
        """`discover [options] [start [pattern [top]]]`."""
        self.start, self.pattern, self.top = ".", "test*.py", None
        self._discovery_parser.parse_args(words, self)
        self.createTests(from_discovery=True, Loader=loader_class)

    # -- loading and running ----------------------------------------------------

    def createTests(self, from_discovery=False, Loader=None):
        """Loads the tests: discovered, named, or the module's."""
        if self.testNamePatterns:
            # The patterns stay on the loader (the shared default one, often).
            self.testLoader.testNamePatterns = self.testNamePatterns
        if from_discovery:
            finder = self.testLoader if Loader is None else Loader()
            self.test = finder.discover(self.start, self.pattern, self.top)
        elif self.testNames is not None:
            self.test = self.testLoader.loadTestsFromNames(self.testNames, self.module)
        else:
            self.test = self.testLoader.loadTestsFromModule(self.module)

    def runTests(self):
        """Runs the tests; exits with the outcome unless exit=False."""
        if self.catchbreak:
            installHandler()
        if self.testRunner is None:
            self.testRunner = runner.TextTestRunner
        test_runner = self.testRunner
        if isinstance(test_runner, type):
            test_runner = self._make_runner(test_runner)
        self.result = test_runner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())

    def _make_runner(self, runner_class):
        """An instance of a runner class, given as many of the program's
        settings as it takes: all, all but tb_locals, or none."""
        settings = dict(verbosity=self.verbosity, failfast=self.failfast, buffer=self.buffer,
                        warnings=self.warnings, tb_locals=self.tb_locals)
        try:
            return runner_class(**settings)
        except TypeError:
            pass
        del settings["tb_locals"]
        try:
            return runner_class(**settings)
        except TypeError:
            return runner_class()


def _module_from(module):
    """The module object for a module or a dotted module name."""
    if not isinstance(module, str):
        return module
    found = __import__(module)
    for part in module.split(".")[1:]:
        found = getattr(found, part)
    return found


main = TestProgram
