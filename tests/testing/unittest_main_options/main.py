# unittest.main with arguments: -k patterns, failfast, --locals, and
# TestProgram used without exiting.
import sys
import unittest


class Numbers(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        self.assertEqual(2, 3)

    def test_three(self):
        x = [1, 2]
        raise KeyError(x)


class Other(unittest.TestCase):
    def test_other(self):
        print("Other.test_other ran")

    def test_two_more(self):
        pass


def run(*argv, **kwargs):
    print("== argv:", argv, kwargs, file=sys.stderr)
    program = unittest.main(argv=["prog", *argv], exit=False, **kwargs)
    result = program.result
    print("== result:", result.testsRun, len(result.failures), len(result.errors),
          result.wasSuccessful(), file=sys.stderr)
    print("== program:", program.verbosity, program.failfast, program.catchbreak, program.buffer,
          program.tb_locals, program.testNamePatterns, program.testNames, program.exit,
          file=sys.stderr)


run("-k", "two")
run("-k", "*one*", "-k", "Other", "-v")
run("-k", "numbers.test_t")
run("-f")
run("-q", "--locals", "Numbers.test_three")
run("Other", "Numbers.test_one", "-v")
run(verbosity=2, defaultTest="Other")
run(defaultTest=["Other.test_other", "Numbers.test_one"], verbosity=0)
run("--failfast", "--buffer", "--catch", "-k", "other")
run("-k", "no-such-test")
try:
    run("Missing")
except SystemExit as e:
    print("exit", e.code)
run("Numbers.test_missing")
unittest.main(argv=["prog", "-k", "one"])
