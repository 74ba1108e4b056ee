# unittest.mock with IsolatedAsyncioTestCase: patch as a class decorator with
# new_callable=AsyncMock over sync and async tests, patch.object choosing
# AsyncMock for a coroutine method, and await assertions in a real run.
import asyncio, io, unittest
from unittest import mock
from unittest.mock import AsyncMock, patch, call

async def fetch(url):
    return "real"

class Client:
    async def get(self, url):
        return await fetch(url)

@patch("__main__.fetch", new_callable=AsyncMock)
class ClientTests(unittest.IsolatedAsyncioTestCase):
    async def test_get(self, fetch_mock):
        fetch_mock.return_value = "fake"
        self.assertEqual(await Client().get("u"), "fake")
        fetch_mock.assert_awaited_once_with("u")

    async def test_fail(self, fetch_mock):
        await Client().get("a")
        fetch_mock.assert_awaited_once_with("b")

    def test_sync(self, fetch_mock):
        self.assertIsInstance(fetch_mock, AsyncMock)

class More(unittest.IsolatedAsyncioTestCase):
    @patch.object(Client, "get")
    async def test_auto_async(self, get):
        self.assertEqual(type(get).__name__, "AsyncMock")
        await Client().get(1)
        get.assert_awaited_once_with(1)

    async def test_side_effects(self):
        m = AsyncMock(side_effect=[1, KeyError("k")])
        self.assertEqual(await m(), 1)
        with self.assertRaises(KeyError):
            await m()
        self.assertEqual(m.await_args_list, [call(), call()])

stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromModule(__import__("__main__")))
print(result.testsRun, len(result.failures), len(result.errors))
for test, text in result.failures + result.errors:
    print(test.id(), text.strip().splitlines()[-3:])
