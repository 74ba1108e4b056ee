# unittest.mock.create_autospec and spec'd mocks: functions (the returned
# function and its .mock), classes and their methods, class/static methods,
# properties, attributes, instance=True, spec_set, signature checks and
# assertions that compare calls through the signature; mock_add_spec,
# dir() with FILTER_DIR, deleting attributes and seal.
import inspect
import re
from unittest import mock
from unittest.mock import Mock, MagicMock, NonCallableMagicMock, create_autospec, call


def strip_ids(text):
    # Ids and addresses differ run to run.
    text = re.sub(r" id='\d+'", "", text)
    return re.sub(r" at 0x[0-9a-f]+", "", text)


def show(obj):
    return strip_ids(repr(obj))


def attempt(label, func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {strip_ids(str(e))}")
        if e.__cause__ is not None:
            print(f"  caused by {type(e.__cause__).__name__}: {e.__cause__}")
    else:
        print(f"{label}: {show(result)}")


def f(a, b=1, *, c=2):
    "Adds things."
    return 9


auto = create_autospec(f)
print(type(auto).__name__, auto.__name__, auto.__doc__, inspect.signature(auto), auto.called, auto.call_count)
print(show(auto(1)), auto.called, auto.call_count, auto.call_args, auto.call_args_list, auto.mock_calls)
auto.return_value = 5
print(auto(2, c=3), auto.mock.return_value)
auto.side_effect = [7]
print(auto(3))
attempt("too many", auto, 1, 2, 3)
attempt("unknown keyword", auto, 1, d=4)
print(auto.call_count)
auto.assert_called_with(3)
auto.assert_any_call(a=2, c=3)
attempt("assert_called_with", auto.assert_called_with, 4)
attempt("assert_called_once", auto.assert_called_once)
auto.reset_mock()
print(auto.called, auto.call_count, auto.mock.call_count, show(auto.mock))


class K:
    attr = 3
    label = "text"

    def __init__(self, x):
        self.x = x

    def meth(self, y):
        return y

    @classmethod
    def cm(cls, z):
        return z

    @staticmethod
    def sm(w):
        return w

    @property
    def prop(self):
        return 1

    class Inner:
        def go(self):
            pass


ak = create_autospec(K)
print(show(ak), show(ak.meth), show(ak.cm), show(ak.sm), show(ak.attr), show(ak.label), show(ak.Inner))
attempt("class call", ak)
instance = ak(1)
print(show(instance), isinstance(instance, K), isinstance(ak, type), ak.__class__ is K)
ak.cm(1)
ak.sm(2)
ak.meth(3)
attempt("instance meth", instance.meth)
instance.meth(5)
attempt("classmethod", ak.cm)
attempt("staticmethod", ak.sm, 1, 2)
attempt("missing", lambda: ak.nothing)
attempt("instance missing", lambda: instance.nothing)
print(ak.mock_calls, instance.meth.call_args, type(instance.meth).__name__)
print(show(ak.label.upper()), show(ak.attr.bit_length()))
attempt("attr method", ak.label.upper, 1, 2, 3)
print(show(ak.Inner()), show(ak.Inner().go))
attempt("inner method", ak.Inner().go, 1)
instance.meth.assert_called_with(y=5)
attempt("method assert", instance.meth.assert_called_with, 6)
ak.assert_called_once_with(x=1)

strict = create_autospec(K, spec_set=True)
attempt("spec_set new attribute", setattr, strict, "nope", 1)
strict.attr = 4
print(strict.attr)
as_instance = create_autospec(K, instance=True)
print(show(as_instance))
attempt("instance not callable", as_instance)


class Callable:
    def __call__(self, n):
        return n


ci = create_autospec(Callable, instance=True)
print(show(ci), show(ci(1)))
attempt("callable instance bad", ci)
print(show(create_autospec(3)), show(create_autospec([1])), show(create_autospec(K.meth)))
attempt("autospec a mock", create_autospec, Mock())
attempt("spec a mock", Mock, spec=Mock())

s = Mock(spec=f)
s(1, c=5)
s.assert_called_with(a=1, b=1, c=5) if False else None
attempt("spec'd fn assert by name", s.assert_called_with, a=1, c=5)
attempt("spec'd fn wrong", s.assert_called_with, 2)
attempt("spec'd fn bad expected", s.assert_called_with, 1, 2, 3, 4)
s.assert_has_calls([call(a=1, c=5)])
attempt("has_calls bad expected", s.assert_has_calls, [call(1, 2, 3, 4)])
attempt("any_call", s.assert_any_call, 1, c=6)

late = Mock()
late.mock_add_spec(["one", "two"])
print(show(late.one))
attempt("after mock_add_spec", lambda: late.three)
late.three = 3
print(late.three)
locked = Mock()
locked.mock_add_spec(["one"], spec_set=True)
attempt("spec_set add", setattr, locked, "two", 2)
mm = MagicMock()
mm.mock_add_spec(["__len__"])
print(len(mm))
attempt("iter removed", iter, mm)
mm.mock_add_spec(K)
print(show(mm), isinstance(mm, K))

print([n for n in dir(Mock(spec=["a", "b"])) if not n.startswith("_")])
print(len(dir(Mock(spec=K))) - len(dir(K)), "__init__" in dir(Mock(spec=K)))
d = Mock()
d.y = 5
d.z
d._private = 1
print("y" in dir(d), "z" in dir(d), "_private" in dir(d), "w" in dir(d))
del d.z
print("z" in dir(d))
attempt("deleted", lambda: d.z)
attempt("deleted twice", delattr, d, "z")
del d.y
attempt("deleted plain", lambda: d.y)
d.z = 1
print(d.z, "z" in dir(d))
mock.FILTER_DIR = False
unfiltered = dir(Mock())
mock.FILTER_DIR = True
print("__init__" in unfiltered, "assert_called" in unfiltered, "__class__" in unfiltered)

sealed = Mock()
sealed.a.b.return_value = 3
sealed.c = Mock()
mock.seal(sealed)
print(sealed.a.b(), show(sealed.c))
attempt("sealed child", lambda: sealed.a.x)
attempt("sealed return value", lambda: sealed.a.b().bit_length())
attempt("sealed call", sealed)
attempt("sealed attached", lambda: sealed.c.d)
named = Mock(name="nm")
mock.seal(named)
attempt("sealed named", lambda: named.q)


attempt("sealed new attribute", setattr, sealed, "other", 1)
sealed.a = 2
sealed.return_value = 4
print(sealed.a, sealed())
sealed_magic = MagicMock()
mock.seal(sealed_magic)
attempt("sealed magic", len, sealed_magic)


class NoInit:
    pass


loose = Mock(spec=NoInit)
loose(1, 2)
loose.assert_called_with(1, 2)
print(show(create_autospec(NoInit)(1, 2, x=3)), show(create_autospec(int)(1, 2, 3, 4)))
