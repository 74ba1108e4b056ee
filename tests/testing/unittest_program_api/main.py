# TestProgram's API: runners of every kind, module given by name, test
# names given as file paths, discovery's arguments, usageExit and the
# exit status.
import os
import signal
import sys
import unittest

sys.path.insert(0, "tests")


class Quiet(unittest.TestCase):
    def test_quiet(self):
        pass


class CountingRunner:
    """A runner class that takes only some of the settings."""

    def __init__(self, verbosity, failfast, buffer, warnings):
        print("CountingRunner got", verbosity, failfast, buffer, warnings)

    def run(self, test):
        print("CountingRunner runs", test.countTestCases(), "tests")
        result = unittest.TestResult()
        test(result)
        return result


class BareRunner:
    def run(self, test):
        print("BareRunner runs", test.countTestCases(), "tests")
        return unittest.TestResult()


class FullRunner(unittest.TextTestRunner):
    def __init__(self, **kwargs):
        print("FullRunner got", sorted(kwargs.items()))
        super().__init__(stream=sys.stdout, **kwargs)


def program(*argv, **kwargs):
    print("==", argv, sorted(kwargs))
    sys.stdout.flush()
    try:
        p = unittest.main(argv=["prog", *argv], **kwargs)
    except SystemExit as e:
        print("SystemExit", repr(e.code))
        return None
    print("result:", p.result.testsRun, p.result.wasSuccessful())
    return p


program(exit=False, testRunner=CountingRunner)
program("-f", "-b", exit=False, testRunner=BareRunner)
program("-v", exit=False, testRunner=FullRunner, warnings="ignore")
program(exit=False, testRunner=BareRunner(), failfast=True, buffer=False, catchbreak=False)
program("Quiet", testRunner=BareRunner())
program("Quiet")
program("test_alpha", module=None, testRunner=CountingRunner, exit=False)
program("tests/test_alpha.py", module=None, testRunner=CountingRunner, exit=False)
program(os.path.abspath("tests/test_alpha.py"), module=None, testRunner=CountingRunner,
        exit=False)
program("test_alpha.Alpha.test_beta", module="unittest", testRunner=CountingRunner, exit=False)
program("discover", "-s", "tests", "-v", module=None, testRunner=CountingRunner, exit=False)
program("discover", "tests", "check_*.py", module=None, testRunner=CountingRunner, exit=False)
program("discover", "tests/sub", "-t", "tests", module=None, testRunner=CountingRunner,
        exit=False)
program("DISCOVER", "-p", "*_alpha.py", "-s", "tests", module=None, exit=False)
p = program("-c", exit=False, testRunner=BareRunner)
print("Control-C handler installed:", type(signal.getsignal(signal.SIGINT)).__name__)
p = program(exit=False, testRunner=BareRunner, module="os.path")
print(p.module.__name__, p.testNames, p.test.countTestCases())
p = program("-q", exit=False, testRunner=BareRunner)
print(p.verbosity, p.progName, p.warnings, p.testNamePatterns, p.tests)
try:
    p.usageExit("a message")
except SystemExit as e:
    print("usageExit:", e.code)
p = unittest.main(exit=False, testRunner=BareRunner, verbosity=2, tb_locals=True)
print(p.verbosity, p.tb_locals, p.progName, p.testNames)
