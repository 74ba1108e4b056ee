# unittest.mock: Mock and MagicMock, calls and their records, return values,
# side effects, specs, wraps, configure_mock, reset_mock, seal, sentinel,
# ANY and call, and the assert methods' messages.
from unittest import mock
from unittest.mock import Mock, MagicMock, NonCallableMock, call, ANY, sentinel, DEFAULT


def show(obj):
    # A repr without the id, which differs run to run.
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
        if e.__cause__ is not None:
            print(f"  caused by {type(e.__cause__).__name__}: {e.__cause__}")
    else:
        print(f"{label}: {show(result)}")


m = Mock()
print(show(m), show(m.method), show(m.method()), show(m.a.b.c))
m(1, 2, key="v")
m.method(3)
m.method.other(x=4)
m.attr.deep()()
print(m.called, m.call_count, m.call_args, m.call_args.args, m.call_args.kwargs)
print(m.call_args_list)
print(m.mock_calls)
print(m.method_calls)
print(m.method.mock_calls)
print(m.mock_calls == [call(1, 2, key="v"), call.method(3), call.method.other(x=4), call.attr.deep(), call.attr.deep()()])
print(call(1) == call(1), call(1) == call(2), call(ANY, key=ANY) == call(5, key=6), call.x(1) == call.y(1))
print(call(1, a=2), call.method(), call.a.b(3).c, call().x)
print(call(1).call_list(), call.a(1).b(2).call_list())
print(call((1,), {"a": 2}) == ((1,), {"a": 2}), call == call(), repr(call))

named = Mock(name="fetcher")
print(show(named), show(named.child), show(named().result))
named.return_value = 42
print(named(), named())
named.side_effect = [1, 2, ValueError("third")]
attempt("iter effect 1", named)
attempt("iter effect 2", named)
attempt("iter effect 3", named)
attempt("iter effect exhausted", named)
named.side_effect = KeyError("boom")
attempt("exception effect", named)
named.side_effect = lambda x: x * 2
print(named(21))
named.side_effect = lambda x: DEFAULT
print(named(1))
named.side_effect = None
print(named())

cm = Mock(return_value=3, **{"method.return_value": 4, "other.side_effect": KeyError, "attr": "plain"})
print(cm(), cm.method(), cm.attr)
attempt("configured side effect", cm.other)
cm.configure_mock(**{"x.y.return_value": "deep"})
print(cm.x.y())

mm = MagicMock()
print(len(mm), bool(mm), int(mm), float(mm), list(mm), 5 in mm, str(mm) == object.__str__(mm))
print(mm[1] is mm[2], show(mm[1]), mm.__getitem__.call_args_list)
mm.__len__.return_value = 7
mm.__iter__.return_value = iter("ab")
mm.__contains__.return_value = True
mm.__getitem__.side_effect = lambda k: k * 10
print(len(mm), list(mm), "x" in mm, mm[4], mm == mm, mm != mm, mm == 3)
mm.__eq__.return_value = True
print(mm == 3)
with mm as entered:
    print("entered is enter return:", entered is mm.__enter__.return_value)
print(mm.__exit__.call_args)
mm[3] = "value"
del mm[3]
print(mm.__setitem__.call_args, mm.__delitem__.call_args)
attempt("lt", lambda: mm < 1)
mm.__lt__.return_value = True
print(mm < 1, mm + 1 is mm.__add__.return_value, show(mm + 1))
print(mm.mock_calls[-3:])

attempt("unsupported magic", setattr, mm, "__getattr__", lambda s, n: n)
attempt("not an assertion", lambda: m.assert_called_twice())
attempt("typo", lambda: m.assret_called())
attempt("magic on Mock", lambda: len(Mock()))
print(show(Mock(unsafe=True).assert_whatever()))

class Spec:
    attribute = 1

    def method(self, a, b=2):
        return a + b

    def __len__(self):
        return 3

s = Mock(spec=Spec)
print(show(s), isinstance(s, Spec), show(s.method))
attempt("spec missing attribute", lambda: s.missing)
s.new_attribute = 1
print(s.new_attribute)
ss = Mock(spec_set=Spec)
attempt("spec_set setting", setattr, ss, "missing", 1)
ss.attribute = 5
print(ss.attribute)
sl = Mock(spec=["alpha", "beta"])
print(show(sl.alpha))
attempt("spec list missing", lambda: sl.gamma)
sm = MagicMock(spec=Spec)
print(len(sm))
attempt("spec magic missing", lambda: iter(sm))
sm.method(1, b=3)
sm.method.assert_called_with(1, b=3)
ncm = NonCallableMock()
attempt("non callable", ncm)
print(show(ncm.child), show(ncm.child()))

class Real:
    def __init__(self):
        self.log = []

    def work(self, x):
        self.log.append(x)
        return x + 1

real = Real()
w = Mock(wraps=real)
print(w.work(1), real.log, w.work.call_args)
w.work.return_value = 100
print(w.work(2), real.log)
attempt("wraps missing", lambda: w.nothing)

r = MagicMock()
r(1)
r.child(2)
r.return_value = 5
r.side_effect = [9]
r.reset_mock()
print(r.called, r.call_count, r.mock_calls, r.child.called, r())
r.reset_mock(return_value=True, side_effect=True)
print(show(r()))

seal_me = Mock()
seal_me.present.return_value = 1
mock.seal(seal_me)
print(seal_me.present())
attempt("sealed attribute", lambda: seal_me.absent)
attempt("sealed call child", lambda: seal_me.present.other)

print(sentinel.token, sentinel.token is sentinel.token, sentinel.other is sentinel.token, DEFAULT)
print(ANY, ANY == 1, ANY != 1, [1, ANY] == [1, "x"])

parent = Mock()
child = Mock(name="child_mock")
parent.attach_mock(child, "kid")
parent.kid(1)
print(parent.mock_calls, show(child))
parent.free = Mock()
parent.free(2)
print(parent.mock_calls, parent.method_calls)
del parent.free
attempt("deleted attribute", lambda: parent.free)
print("free" in dir(parent), "kid" in dir(parent), "assert_called_with" in dir(parent))

a = Mock(name="subject")
attempt("assert_called", a.assert_called)
attempt("assert_called_once", a.assert_called_once)
attempt("assert_called_with", a.assert_called_with, 1)
attempt("assert_called_once_with", a.assert_called_once_with, 1)
attempt("assert_any_call", a.assert_any_call, 1)
a(1, x=2)
a(3)
attempt("assert_not_called", a.assert_not_called)
attempt("assert_called_once (2 calls)", a.assert_called_once)
attempt("assert_called_with wrong", a.assert_called_with, 4)
attempt("assert_called_once_with", a.assert_called_once_with, 3)
attempt("assert_any_call ok", a.assert_any_call, 1, x=2)
attempt("assert_any_call missing", a.assert_any_call, 9)
attempt("assert_has_calls ok", a.assert_has_calls, [call(1, x=2), call(3)])
attempt("assert_has_calls order", a.assert_has_calls, [call(3), call(1, x=2)])
attempt("assert_has_calls any_order", a.assert_has_calls, [call(3), call(1, x=2)], any_order=True)
attempt("assert_has_calls any_order missing", a.assert_has_calls, [call(5), call(3)], any_order=True)
anon = Mock()
anon(1)
attempt("anonymous", anon.assert_called_with, 2)
anon.method(2)
attempt("child assert", anon.method.assert_called_once_with, 3)
attempt("child not called", anon.other.assert_not_called)

def func(a, b, *, c=3):
    pass

sig = Mock(spec=func)
sig(1, 2)
attempt("spec signature match", sig.assert_called_with, a=1, b=2)
attempt("spec signature bad", sig.assert_called_with, 1, 2, 3)
auto = mock.create_autospec(func)
attempt("autospec call", auto, 1, 2, c=4)
attempt("autospec bad call", auto, 1)
print(auto.call_args, auto.mock.call_count)
auto.assert_called_once_with(1, 2, c=4)
auto_cls = mock.create_autospec(Spec)
instance = auto_cls()
instance.method(5)
attempt("autospec method bad", instance.method)
attempt("autospec missing", lambda: instance.nothing)
print(show(instance), instance.method.call_args, auto_cls.mock_calls)
counted = Mock()
counted.count(1)
counted.index(2)
print(counted.mock_calls == [call.count(1), call.index(2)], call.count(1), call.index)
print([name for name in dir(Mock()) if not name.startswith("_")])
print([name for name in dir(MagicMock(spec=Spec)) if not name.startswith("__")])
inst = mock.create_autospec(Spec, instance=True)
attempt("autospec instance call", inst)
print(show(inst.method), show(inst.attribute))
