# unittest.mock as test suites use it: patch on builtins.open with mock_open,
# time.sleep, a logging method, datetime, a context-manager class (plain and
# autospecced) and the call chains of its instances, ANY, side effects.
import builtins, time, logging, datetime, json, re
from unittest import mock
from unittest.mock import patch, MagicMock, Mock, call, ANY, mock_open, create_autospec

def strip(text): return re.sub(r" id='\d+'", "", str(text))

with patch("builtins.open", mock_open(read_data='{"a": 1}')) as m:
    with open("cfg.json") as fh:
        print(json.load(fh))
    m.assert_called_once_with("cfg.json")
    print(m.mock_calls)
with patch("time.sleep") as sleep:
    time.sleep(3)
    sleep.assert_called_once_with(3)
with patch.object(logging.Logger, "info") as info:
    logging.getLogger("x").info("hello %s", 1)
    print(info.call_args)
class Clock:
    def now(self): return datetime.datetime.now()
with patch("datetime.datetime") as dt:
    dt.now.return_value = "fake-now"
    print(Clock().now(), dt.mock_calls)
class Conn:
    def __init__(self, host): self.host = host
    def __enter__(self): return self
    def __exit__(self, *a): pass
    def query(self, q): return []
def use():
    with Conn("db") as c:
        return c.query("select")
with patch("__main__.Conn") as C:
    C.return_value.__enter__.return_value.query.return_value = ["row"]
    print(use())
    print(C.mock_calls)
    C.assert_has_calls([call("db"), call().__enter__(), call().__enter__().query("select")])
    try:
        C.assert_has_calls([call("db"), call().query("select")])
    except AssertionError as e:
        print(strip(e))
with patch("__main__.Conn", autospec=True) as C:
    C.return_value.query.return_value = ["auto"]
    c = C("h")
    print(c.query("q"), strip(repr(c)))
    try: c.query()
    except TypeError as e: print(e)
    print(C.mock_calls)
m = MagicMock()
m.method(1, key=ANY)
m.method.assert_called_with(1, key="whatever")
m.method.assert_called_with(ANY, key=ANY)
print(m.method.call_args == call(1, key=2), m.method.call_args[0], m.method.call_args[1])
def effect(*args, **kwargs):
    return sum(args) + sum(kwargs.values())
m.calc.side_effect = effect
print(m.calc(1, 2, x=3))
m.gen.side_effect = iter(range(3))
print(m.gen(), m.gen(), m.gen())
try: m.gen()
except StopIteration: print("stop")
nested = MagicMock()
nested.a.b.c.return_value = 7
print(nested.a.b.c(), nested.mock_calls, nested.a.b.method_calls)
mm = Mock(spec=["read"]); mm.read.return_value = b"x"; print(mm.read())
print(strip(repr(mock.MagicMock(name="foo.bar"))), strip(repr(Mock(name="foo.bar").baz)))
print(Mock().called is False, bool(Mock()), Mock() == Mock(), len(MagicMock()))
