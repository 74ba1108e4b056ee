# Buffer mode (-b): output of passing tests is swallowed; that of failing
# tests and fixtures is shown after the report's traceback and echoed.
import sys
import unittest


def setUpModule():
    print("module setup says hi")


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("class setup output")
        sys.stderr.write("class setup error output\n")
        raise RuntimeError("setUpClass broke")

    def test_never(self):
        pass


class FixturesAfter(unittest.TestCase):
    # The failure before leaves the output echoed, until a test starts.
    @classmethod
    def setUpClass(cls):
        print("setUpClass after a failing one")

    def test_after(self):
        print("not echoed")


class Buffered(unittest.TestCase):
    def test_1_quiet_pass(self):
        print("hidden: passing test")
        sys.stderr.write("hidden stderr\n")

    def test_2_fail_with_output(self):
        print("shown: failing test")
        print("no newline at end", end="")
        self.assertEqual(1, 2)

    def test_3_error_with_stderr(self):
        sys.stderr.write("to stderr")
        raise ValueError("boom")

    def test_4_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                print("subtest", i)
                self.assertNotEqual(i, 1)

    def test_5_skip(self):
        print("before skip")
        self.skipTest("skipping")

    @unittest.expectedFailure
    def test_6_expected(self):
        print("expected failure output")
        self.fail("as planned")

    def test_7_stdout_is_buffer(self):
        self.assertIsNot(sys.stdout, sys.__stdout__)
        self.assertIsNot(sys.stderr, sys.__stderr__)

    def test_8_cleanup_output(self):
        def cleanup():
            print("cleanup output")
            raise OSError("cleanup failed")
        self.addCleanup(cleanup)
        print("test body output")


class TearDownPrints(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        print("tearDownClass output")
        raise KeyError("tearDownClass broke")

    def test_ok(self):
        print("ok test output")


if __name__ == "__main__":
    unittest.main()
