# asyncio's stream exceptions: messages, attributes and pickling.
import asyncio
import pickle

for partial, expected in [(b"ab", 5), (b"", None), (b"xyz", "3")]:
    e = asyncio.IncompleteReadError(partial, expected)
    print(str(e), e.args, repr(e), e.partial, e.expected, isinstance(e, EOFError))
    back = pickle.loads(pickle.dumps(e))
    print(type(back).__name__, back.partial, back.expected, back.args)

e = asyncio.LimitOverrunError("separator not found", 7)
print(str(e), e.args, e.consumed, repr(e))
back = pickle.loads(pickle.dumps(e))
print(type(back).__name__, back.args, back.consumed)
print(asyncio.IncompleteReadError.__module__, asyncio.LimitOverrunError.__module__)
try:
    asyncio.IncompleteReadError(b"a")
except TypeError as e:
    print("TypeError", e)
