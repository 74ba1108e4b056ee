# contextvars: variables, defaults, tokens, contexts as mappings, Context.run.
import contextvars
from contextvars import ContextVar, Context, copy_context, Token

request_id = ContextVar('request_id')
level = ContextVar('level', default=0)

print(request_id.name, level.name)
print(level.get())
print(request_id.get('none yet'))
try:
    request_id.get()
except LookupError as e:
    print('LookupError', type(e.args[0]).__name__, e.args[0] is request_id)

token = request_id.set('abc')
print(request_id.get(), token.var is request_id, token.old_value is Token.MISSING)
print(repr(Token.MISSING))
token2 = request_id.set('def')
print(request_id.get(), token2.old_value)
request_id.reset(token2)
print(request_id.get())
try:
    request_id.reset(token2)
except RuntimeError as e:
    print('RuntimeError', 'has already been used once' in str(e))
other = ContextVar('other')
try:
    other.reset(token)
except ValueError as e:
    print('ValueError', 'different ContextVar' in str(e))
request_id.reset(token)
print(request_id.get('gone'))

# A copy sees the values at the time of copying; changes inside it stay there.
level.set(1)
ctx = copy_context()
print(ctx[level], level in ctx, request_id in ctx, len(ctx))

def work(delta):
    level.set(level.get() + delta)
    return level.get()

print(ctx.run(work, 10), level.get(), ctx[level])
print(ctx.run(work, 5), ctx.get(level), ctx.get(request_id, 'dflt'))
print(sorted(v.name for v in ctx), [v.name for v in ctx.keys()], list(ctx.values()))
print([(k.name, v) for k, v in ctx.items()])
try:
    ctx[request_id]
except KeyError as e:
    print('KeyError', e.args[0] is request_id)
try:
    ctx['x']
except TypeError as e:
    print('TypeError', e)

def reenter():
    return ctx.run(lambda: 1)

try:
    ctx.run(reenter)
except RuntimeError as e:
    print('RuntimeError', 'is already entered' in str(e))

empty = Context()
print(len(empty), empty.run(level.get), list(empty))
print(empty.run(lambda: copy_context().run(level.get)))

def keywords(a, *, b):
    return a + b

print(copy_context().run(keywords, 1, b=2))

# A token from another context cannot reset here.
def make_token():
    return request_id.set('inner')

t = Context().run(make_token)
try:
    request_id.reset(t)
except ValueError as e:
    print('ValueError', 'different Context' in str(e))

try:
    ContextVar(1)
except TypeError as e:
    print('TypeError', e)
print(type(level).__name__, type(ctx).__name__, type(token).__name__)
print(ContextVar[int])
print(isinstance(ctx, Context), hash(level) == hash(level))
