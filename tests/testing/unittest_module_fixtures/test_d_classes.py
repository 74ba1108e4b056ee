import unittest


class D1SkipInSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass D1")
        raise unittest.SkipTest("class skipped from setUpClass")

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass D1 (never)")

    def test_x(self):
        pass

    def test_y(self):
        pass


@unittest.skip("decorated class")
class D2Decorated(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass D2 (never)")

    def test_z(self):
        pass


class D3TearDownClassFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass D3")
        cls.addClassCleanup(print, "class cleanup D3")

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass D3")
        raise LookupError("tearDownClass D3 broke")

    def test_ok(self):
        pass


class D4ClassCleanupFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        def bad():
            raise OSError("class cleanup D4 broke")
        cls.addClassCleanup(bad)
        cls.addClassCleanup(print, "class cleanup D4 first")

    def test_ok(self):
        pass


class D5SetUpClassFailsWithCleanup(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        def bad():
            raise OSError("class cleanup D5 broke")
        cls.addClassCleanup(bad)
        raise TypeError("setUpClass D5 broke")

    def test_never(self):
        pass


class D6Failure(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fail_in_setup = True
        raise cls.failureException("failure in setUpClass")

    def test_never(self):
        pass
