# unittest.mock.patch in its forms: decorator (stacked, on a class),
# context manager, start/stop, patch.object, patch.dict, patch.multiple,
# spec/autospec/new_callable/create, and PropertyMock and mock_open.
import os
import os.path
import json
from unittest import mock
from unittest.mock import patch, MagicMock, PropertyMock, call


def show(obj):
    text = repr(obj)
    while " id='" in text:
        start = text.index(" id='")
        end = text.index("'", start + 5)
        text = text[:start] + text[end + 1:]
    return text


def attempt(label, func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {show(result)}")


class Service:
    limit = 10

    def fetch(self, key, default=None):
        return f"real {key}"

    @property
    def status(self):
        return "up"

    @classmethod
    def build(cls, name):
        return cls()

    @staticmethod
    def helper(x):
        return x


config = {"mode": "prod", "level": 1}


def uses_json():
    return json.dumps({"a": 1})


@patch("json.dumps")
def decorated(mocked):
    mocked.return_value = "patched!"
    return uses_json(), show(mocked)


print(decorated(), uses_json())


@patch("os.getcwd", return_value="/nowhere")
@patch("os.path.exists")
def stacked(exists, getcwd):
    exists.return_value = True
    return os.getcwd(), os.path.exists("/x"), show(exists), show(getcwd)


print(stacked(), os.getcwd() != "/nowhere")

with patch("json.loads") as loads:
    loads.side_effect = ValueError("nope")
    attempt("inside with", json.loads, "{}")
print(json.loads("[1]"))

patcher = patch.object(Service, "fetch", return_value="stubbed")
started = patcher.start()
print(Service().fetch("k"), show(started))
patcher.stop()
print(Service().fetch("k"), patcher.stop())

with patch.object(Service, "limit", 99):
    print(Service.limit)
print(Service.limit)

with patch.object(Service, "status", new_callable=PropertyMock) as status:
    status.return_value = "down"
    print(Service().status, status.call_count)
print(Service().status)

with patch.object(Service, "fetch", autospec=True) as fetch:
    fetch.return_value = "auto"
    service = Service()
    print(service.fetch("k"), fetch.call_args.args[0] is service, fetch.call_args.args[1:])
    attempt("autospec bad args", service.fetch)
    attempt("autospec assert", fetch.assert_called_with, service, key="k")

with patch.object(Service, "build", autospec=True) as build:
    Service.build("n")
    print(build.call_args)

with patch("__main__.Service", spec=True) as fake:
    instance = Service()
    print(show(fake), show(instance), show(instance.fetch))
    attempt("spec'd class missing", lambda: instance.missing)

with patch("__main__.Service", spec_set=True) as fake:
    attempt("spec_set class", setattr, fake, "nothing", 1)

with patch.dict(config, {"mode": "test"}, extra=True):
    print(sorted(config.items()))
print(sorted(config.items()))
with patch.dict(config, clear=True):
    print(config)
print(config)
with patch.dict("os.environ", {"TOWEL_TEST_VAR": "yes"}):
    print(os.environ["TOWEL_TEST_VAR"])
print("TOWEL_TEST_VAR" in os.environ)


@patch.dict(config, {"level": 5})
def in_dict():
    return config["level"]


print(in_dict(), config["level"])

with patch.multiple(Service, fetch=mock.DEFAULT, limit=3) as values:
    print(sorted(values), Service.limit, show(values["fetch"]))


@patch.multiple("__main__.Service", fetch=mock.DEFAULT, helper=mock.DEFAULT)
def multi(fetch, helper):
    return show(fetch), show(helper)


print(multi())

with patch("__main__.new_global", create=True, new=5):
    print(new_global)
attempt("missing without create", lambda: patch("__main__.Service.no_such_thing").start())
attempt("bad target", patch, "nodots")
attempt("missing module", lambda: patch("no_such_module_xyz.attr").start())
attempt("new and new_callable", patch, "os.getcwd", new=1, new_callable=list)
attempt("spec and autospec", lambda: patch("os.getcwd", spec=True, autospec=True).start())
attempt("object by name", patch.object, "os", "getcwd")
attempt("multiple without kwargs", patch.multiple, os)
attempt("typo", patch, "os.getcwd", autospect=True)


@patch.object(Service, "helper")
class Patched:
    def test_one(self, helper):
        helper.return_value = 1
        return Service.helper(0)

    def test_two(self, helper):
        return show(helper)

    def other(self):
        return Service.helper(7)


print(Patched().test_one(), Patched().test_two(), Patched().other())

patch("os.getcwd", return_value="A").start()
patch("os.getpid", return_value=-1).start()
print(os.getcwd(), os.getpid())
patch.stopall()
print(os.getcwd() != "A", os.getpid() != -1)

opener = mock.mock_open(read_data="line one\nline two\nline three\n")
with patch("__main__.open", opener, create=True):
    with open("somefile") as handle:
        print(handle.readline(), end="")
        print(handle.read(), end="")
    with open("other", "w") as handle:
        handle.write("text")
print(opener.call_args_list)
print(opener.return_value.write.call_args)
handle = opener()
print(list(handle), handle.readlines())

prop_holder = type("Holder", (), {})
prop = PropertyMock(return_value=3)
prop_holder.value = prop
holder = prop_holder()
print(holder.value)
holder.value = 6
print(prop.mock_calls)
