# unittest.mock.patch in more forms: stacked with patch.dict and
# patch.multiple on functions, coroutine functions and classes (with a
# changed TEST_PREFIX), start/stop of each kind, nested patches of one
# attribute, new_callable, builtins in a module, the `patchings` a decorated
# function carries, mock_open in detail, and patches inside a real
# unittest run.
import asyncio
import io
import os
import re
import sys
import unittest
from unittest import mock
from unittest.mock import patch, MagicMock, Mock, DEFAULT, call


def strip_ids(text):
    text = re.sub(r" id='\d+'", "", text)
    return re.sub(r" at 0x[0-9a-f]+", "", text)


def show(obj):
    return strip_ids(repr(obj))


def attempt(label, func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {strip_ids(str(e))}")
    else:
        print(f"{label}: {show(result)}")


class Box:
    size = 1
    color = "red"

    def open(self, how):
        return f"opened {how}"


settings = {"a": 1}


@patch.dict(settings, b=2)
@patch.multiple(Box, size=DEFAULT, color="blue")
@patch.object(Box, "open", return_value="mocked")
@patch("os.getcwd", new=lambda: "/fake")
def stacked(open_mock, size):
    return (sorted(settings.items()), show(size), Box.color, Box().open("x"), os.getcwd(),
            show(open_mock))


print(stacked())
print(sorted(settings.items()), Box.size, Box.color, Box().open("y"))
print(len(stacked.patchings) if hasattr(stacked, "patchings") else None, stacked.__name__)
inner = patch.object(Box, "open")(lambda m: m)
print(len(inner.patchings), [p.new is DEFAULT for p in inner.patchings], inner.patchings[0].attribute_name)


@patch.object(Box, "open")
async def coroutine_test(extra, open_mock):
    open_mock.return_value = extra
    return Box().open(1), open_mock.call_args


print(asyncio.run(coroutine_test("async extra")))


@patch.dict(settings, {"c": 3}, clear=True)
async def coroutine_dict():
    await asyncio.sleep(0)
    return dict(settings)


print(asyncio.run(coroutine_dict()), settings)

patch.TEST_PREFIX = "check"


@patch.object(Box, "size", 50)
class Checks:
    def check_size(self):
        return Box.size

    def test_size(self):
        return Box.size


print(Checks().check_size(), Checks().test_size())
patch.TEST_PREFIX = "test"


@patch.dict(settings, {"k": "v"})
class DictChecks:
    def test_one(self):
        return sorted(settings)

    def other(self):
        return sorted(settings)


print(DictChecks().test_one(), DictChecks().other())

outer = patch.object(Box, "size", 10)
inner_patch = patch.object(Box, "size", 20)
outer.start()
inner_patch.start()
print(Box.size)
inner_patch.stop()
print(Box.size)
outer.stop()
print(Box.size, outer.stop(), inner_patch.stop())

dp = patch.dict(settings, {"z": 26})
print(dp.start(), settings)
dp.stop()
print(settings)
mp = patch.multiple(Box, size=DEFAULT, color=DEFAULT)
started = mp.start()
print(sorted(started), show(Box.size))
mp.stop()
print(Box.size, Box.color)
patch.dict(settings, x=1).start()
patch.object(Box, "size", 99).start()
patch.stopall()
print(settings, Box.size)

with patch.object(Box, "open", new_callable=lambda: "not a mock") as made:
    print(made, Box.open)
with patch("os.getcwd", new_callable=Mock) as made:
    print(show(made), show(os.getcwd()))
with patch("os.getcwd", return_value="/x", side_effect=None) as made:
    print(os.getcwd(), made.call_count)
with patch("os.getcwd", 7) as made:
    print(made, os.getcwd)
with patch(__name__ + ".len", create=False, new=lambda x: -1):
    print(len([1, 2]))
print(len([1, 2]))
with patch.object(Box(), "color", "green") as made:
    print(made)
box = Box()
with patch.object(box, "color", "instance"):
    print(box.color, Box.color)
print(box.color, "color" in vars(box))
with patch.dict(os.environ, {"TOWEL_PATCH_FORM": "1"}, clear=False):
    print(os.environ.get("TOWEL_PATCH_FORM"))
print(os.environ.get("TOWEL_PATCH_FORM"))
with patch("sys.argv", ["prog", "arg"]):
    print(sys.argv)
print(sys.argv != ["prog", "arg"])
try:
    with patch.object(Box, "size", 5):
        raise KeyError("inside")
except KeyError:
    print("restored after error", Box.size)
attempt("kwargs with new", lambda: patch("os.getcwd", new=1, return_value=3).start())
attempt("autospec with new", lambda: patch("os.getcwd", new=1, autospec=True).start())
attempt("autospec new_callable", patch, "os.getcwd", autospec=True, new_callable=list)
attempt("autospec create", lambda: patch("os.no_such_name_zz", create=True, autospec=True).start())
attempt("typo auto_spec", patch.object, Box, "size", auto_spec=True)
attempt("typo set_spec", patch.multiple, Box, size=1, set_spec=True) if False else None
with patch("os.getcwd", unsafe=True, autospect=True) as made:
    print(show(made))

opener = mock.mock_open(read_data=b"ab\ncd")
handle = opener()
print(handle.read(), handle.readline())
handle = opener("f", "rb")
print(handle.readline(), list(handle), handle.read())
print(show(opener), show(opener.return_value), opener.call_args_list)
attempt("handle spec", lambda: handle.nonexistent)
attempt("opener spec", lambda: opener.nonexistent)
opener.return_value.read.return_value = "configured"
print(opener().read())
text = mock.mock_open(read_data="1\n2\n3")
h = text()
print(h.readline(), next(h), h.readlines(), h.read())
h = text()
print([line for line in h])
with text("x", "w") as written:
    written.write("a")
    written.writelines(["b", "c"])
print(written.write.call_args_list, written.writelines.call_args, show(written))
print(text.mock_calls[-6:])
own = MagicMock(name="mine")
result = mock.mock_open(own, read_data="data")
print(result is own, show(own()), own().read())


class Service:
    def fetch(self):
        return "real"


class PatchedTests(unittest.TestCase):
    @patch.object(Service, "fetch", return_value="fake")
    def test_fetch(self, fetch):
        self.assertEqual(Service().fetch(), "fake")
        fetch.assert_called_once_with()

    def test_context(self):
        with patch.object(Service, "fetch") as fetch:
            Service().fetch(1)
        fetch.assert_called_once_with(2)

    def test_unpatched(self):
        self.assertEqual(Service().fetch(), "real")


stream = io.StringIO()
run = unittest.TextTestRunner(stream=stream, verbosity=0).run(
    unittest.defaultTestLoader.loadTestsFromTestCase(PatchedTests))
print(run.testsRun, len(run.failures), len(run.errors))
print(run.failures[0][1].strip().splitlines()[-3:])
