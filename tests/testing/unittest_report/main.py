# A unittest file as people write them: mocks, subtests, skips, an async
# test case, an expected failure and failing tests; the report goes to
# stderr and the exit status is 1.
import asyncio
import unittest
from unittest import mock


class Inventory:
    def __init__(self, store):
        self.store = store

    def count(self, item):
        return self.store.lookup(item).get("count", 0)

    async def refresh(self, client):
        data = await client.fetch("/items")
        return len(data)


class InventoryTest(unittest.TestCase):
    def setUp(self):
        self.store = mock.Mock()
        self.inventory = Inventory(self.store)

    def test_count_uses_store(self):
        self.store.lookup.return_value = {"count": 3}
        self.assertEqual(self.inventory.count("apple"), 3)
        self.store.lookup.assert_called_once_with("apple")

    def test_count_calls(self):
        self.store.lookup.return_value = {}
        self.inventory.count("pear")
        self.inventory.count("plum")
        self.assertEqual(self.store.lookup.call_args_list, [mock.call("pear"), mock.call("plum")])
        with self.assertRaises(AssertionError) as cm:
            self.store.lookup.assert_called_once_with("apple")
        self.assertEqual(str(cm.exception), "Expected 'lookup' to be called once. Called 2 times.\n"
                         "Calls: [call('pear'), call('plum')].")

    def test_counts(self):
        stock = {"apple": 3, "pear": 0, "plum": 5}
        self.store.lookup.side_effect = lambda item: {"count": stock[item]}
        for item in stock:
            with self.subTest(item=item):
                self.assertGreater(self.inventory.count(item), 0)

    @mock.patch("__main__.Inventory.count", return_value=99)
    def test_patched(self, count):
        self.assertEqual(self.inventory.count("x"), 99)
        count.assert_called_once_with("x")

    def test_lists(self):
        self.assertEqual(["apple", "pear", "plum"], ["apple", "peach", "plum", "fig"])

    @unittest.skip("no network in tests")
    def test_network(self):
        self.fail("never runs")

    @unittest.skipUnless(False, "needs the big database")
    def test_database(self):
        pass

    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertEqual(1 + 1, 3)

    def test_error(self):
        return self.inventory.missing_method()


class RefreshTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.client = mock.AsyncMock()
        self.client.fetch.return_value = [1, 2, 3]

    async def test_refresh(self):
        inventory = Inventory(None)
        self.assertEqual(await inventory.refresh(self.client), 3)
        self.client.fetch.assert_awaited_once_with("/items")

    async def test_refresh_fails(self):
        self.client.fetch.side_effect = ConnectionError("server down")
        with self.assertRaises(ConnectionError):
            await Inventory(None).refresh(self.client)

    async def test_sleeps(self):
        await asyncio.sleep(0)
        self.client.fetch.assert_not_awaited()


if __name__ == "__main__":
    unittest.main()
