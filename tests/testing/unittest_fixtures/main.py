# Fixtures, cleanups, errors in each part of a test, skips and expected failures.
import unittest

log = []


def setUpModule():
    log.append("setUpModule")


def tearDownModule():
    log.append("tearDownModule")
    print("log:", log)


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")
        cls.addClassCleanup(log.append, "class cleanup")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        log.append("setUp " + self._testMethodName)
        self.addCleanup(log.append, "cleanup " + self._testMethodName)

    def tearDown(self):
        log.append("tearDown " + self._testMethodName)

    def test_1_ok(self):
        """A test with a docstring.

        More lines are not shown."""
        log.append("test 1")

    def test_2_error(self):
        {}["missing"]

    def test_3_chained(self):
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise RuntimeError("wrapped") from e

    def test_4_context(self):
        try:
            [][1]
        except IndexError:
            raise KeyError("during")

    def test_5_cleanup_fails(self):
        def bad():
            raise OSError("cleanup broke")
        self.addCleanup(bad)

    def test_6_enter_context(self):
        class CM:
            def __enter__(self):
                log.append("enter")
                return 42
            def __exit__(self, *exc):
                log.append("exit")
        self.assertEqual(self.enterContext(CM()), 42)


class SetUpFails(unittest.TestCase):
    def setUp(self):
        raise ValueError("setUp broke")

    def test_never_runs(self):
        log.append("never")


class TearDownFails(unittest.TestCase):
    def tearDown(self):
        raise ValueError("tearDown broke")

    def test_runs(self):
        pass


class ClassSetUpFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("no class today")

    def test_a(self):
        pass


@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def test_a(self):
        pass


class Skips(unittest.TestCase):
    @unittest.skipIf(True, "if true")
    def test_if(self):
        pass

    @unittest.skipUnless(False, "unless false")
    def test_unless(self):
        pass

    @unittest.skipIf(False, "not skipped")
    def test_not_skipped(self):
        pass

    def test_skip_test(self):
        self.skipTest("decided inside")

    def test_skip_in_subtest(self):
        for i in range(3):
            with self.subTest(i=i):
                if i == 1:
                    self.skipTest("one")

    @unittest.expectedFailure
    def test_expected(self):
        raise ValueError("expected")

    @unittest.expectedFailure
    def test_unexpected(self):
        pass


if __name__ == "__main__":
    unittest.main(verbosity=2)
