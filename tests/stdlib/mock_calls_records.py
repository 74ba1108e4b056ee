# unittest.mock: the `call` helper and recorded calls (_Call): equality in
# all its tuple forms, reprs, call_list, call_args/mock_calls/method_calls
# propagation through children and return values, naming of mocks, and the
# long-list layout of the records.
from unittest import mock
from unittest.mock import Mock, MagicMock, call, ANY, DEFAULT, sentinel


def show(obj):
    text = repr(obj)
    while " id='" in text:
        start = text.index(" id='")
        end = text.index("'", start + 5)
        text = text[:start] + text[end + 1:]
    return text


m = Mock()
m(1)
m.foo(1)
m.foo.bar(1)
ca = m.call_args
mc0, mc1, mcb = m.mock_calls
left = {
    "call(1)": call(1), "call.foo(1)": call.foo(1), "call_args": ca, "mock_calls[0]": mc0,
    "mock_calls[1]": mc1, "call.foo.bar(1)": call.foo.bar(1), "mock_calls[2]": mcb,
    "foo.call_args": m.foo.call_args, "call.bar(1)": call.bar(1), "call().foo(1)": call().foo(1),
}
right = dict(left)
right.update({
    "((1,), {})": ((1,), {}), "('', (1,), {})": ("", (1,), {}),
    "('foo', (1,), {})": ("foo", (1,), {}), "('foo.bar', (1,), {})": ("foo.bar", (1,), {}),
    "((1,),)": ((1,),), "('foo', (1,))": ("foo", (1,)), "('foo',)": ("foo",),
    "('foo', {})": ("foo", {}), "({},)": ({},), "(1,)": (1,), "[(1,), {}]": [(1,), {}], "5": 5,
})
for lname, lvalue in left.items():
    matches = [rname for rname, rvalue in right.items() if lvalue == rvalue]
    print(f"{lname:16} == {matches}")
    assert all((lvalue != rvalue) == (rname not in matches) for rname, rvalue in right.items())

print(len(ca), len(mc1), tuple(ca), tuple(mc1))
args, kwargs = ca
name, args3, kwargs3 = mc1
print(args, kwargs, name, args3, kwargs3, ca.args, ca.kwargs, mc1.args, mc1.kwargs)
print(call(1, "a", x=[1]), call(1, **{"a b": 2}), call(), call.x(), call.x().y, call.args, call.foo.args)
print(call(1, 2)(3), call(1, 2)(3).foo, call.x(1).y(2), call.count, call.index(1), call.count(1).index)
print(call.x(1).y(2).call_list(), call(1, 2)(3).call_list(), call.a.b.call_list())
print(call.foo(1).bar(2) == call.foo(3).bar(2), call.foo(1).bar(2) == call.foo(1).bar(2))
print(call() == call, call == call(), call.foo == call.foo(), call.foo == call.bar)
print(call(ANY) == call(object()), call(1, b=ANY) == call(1, b=3), call(1) != call(1))
try:
    hash(call(1))
except TypeError as e:
    print("TypeError:", e)
print(type(call).__name__, type(m.call_args_list).__name__, m.call_args_list == [call(1)])
print(call(1) in m.call_args_list, [call.foo(1), call.foo.bar(1)] in m.mock_calls,
      [call(1), call.foo.bar(1)] in m.mock_calls, [] in m.mock_calls)

long = Mock()
for i in range(5):
    long.some_function_name(i, "x" * 20)
print(long.mock_calls)
print(long.some_function_name.call_args_list)
print(str(Mock().call_args_list), Mock().call_args)

tree = Mock()
tree.a().b(1)
tree.x.y(2)
tree.a.b.c(3)
tree.a.b(4)(5)
tree.attr.deep()()
print(tree.mock_calls)
print(tree.method_calls)
print(tree.a.mock_calls, tree.a.method_calls)
print(tree.a.return_value.method_calls, tree.a.b.mock_calls, tree.a.b.return_value.mock_calls)
magic = MagicMock()
magic[1]
len(magic)
magic.q.__len__()
magic.q.r()
print(magic.mock_calls, magic.method_calls)

print(show(tree.a.return_value.b), show(Mock(name="x")().y), show(Mock(name="x").y.z()))
print(show(Mock(spec=int)), show(Mock(spec=["a"])), show(Mock(spec=int, name="n")), show(Mock(spec=3)))
print(show(Mock(spec=str).upper), show(MagicMock(spec=Mock)), show(mock.NonCallableMock(spec=len)))
parent = Mock()
free = Mock()
named = Mock(name="named")
parent.c = free
parent.d = named
parent.e = free
print(show(free), show(named), show(parent.e))
parent.c(1)
parent.d(2)
print(parent.mock_calls)
ret = Mock()
parent.return_value = ret
print(show(ret), show(parent().foo))
looped = Mock()
looped.return_value = looped
print(show(looped), show(looped()))
looped.child = looped
print(show(looped.child))

holder = Mock()
holder.attach_mock(named, "renamed")
holder.renamed(3)
print(show(named), holder.mock_calls, holder.method_calls)
auto = mock.create_autospec(lambda a: None)
holder.attach_mock(auto, "func")
auto(4)
print(holder.mock_calls)

r = Mock(return_value=1, side_effect=[5, 6])
r.child.return_value = 2
r(), r.child(), r.child.grand(1)
kept_list = r.call_args_list
r.reset_mock()
print(r.called, r.call_count, r.call_args, r.call_args_list, r.mock_calls, r.child.mock_calls, kept_list)
print(r(), r.child(), r.return_value)
r.reset_mock(return_value=True, side_effect=True)
print(show(r()), r.side_effect, show(r.child()))
r.call_count = 7
r.called = False
print(r.call_count, r.called)

c = Mock()
c.configure_mock(**{"a.b.c.return_value": 1, "a.return_value": 2, "x": 3, "a.b.side_effect": KeyError})
print(c.a.b.c(), c.a(), c.x)
try:
    c.a.b()
except KeyError as e:
    print("KeyError", repr(e))
print(sentinel.one, sentinel.one is sentinel.one, DEFAULT is mock.DEFAULT, repr(DEFAULT))
import pickle
print(pickle.loads(pickle.dumps(sentinel.one)) is sentinel.one)
