# `contextlib`: utilities for `with` and `async with` (docs.python.org,
# "contextlib — Utilities for with-statement contexts"), written for towel
# from the documentation and CPython 3.11's observable behaviour.
#
# Layout: the two abstract base classes (structural, like collections.abc's
# protocols); the decorator mixins; the managers made from generators by
# @contextmanager / @asynccontextmanager, whose exits share one ruling on
# what the generator did with a thrown exception (`_ruling_after_throw`);
# the small single-purpose managers; and the exit stacks. An exit stack
# unwinds its callbacks newest first; `_Unwinding` follows what is in flight
# and chains what a callback raises (`_relink_context`).

import abc
import os
import sys
from collections.abc import _implements
from functools import wraps
from types import GenericAlias, MethodType

__all__ = [
    "asynccontextmanager", "contextmanager", "closing", "nullcontext",
    "AbstractContextManager", "AbstractAsyncContextManager", "AsyncExitStack",
    "ContextDecorator", "ExitStack", "redirect_stdout", "redirect_stderr",
    "suppress", "aclosing", "chdir",
]


# -- abstract base classes --

def _recognises(*names):
    """Class decorator: the ABC counts as a base of any class defining
    `names` (its subclasses keep the ordinary rules)."""

    def decorate(abc_class):
        def __subclasshook__(cls, C):
            return _implements(C, names) if cls is abc_class else NotImplemented
        __subclasshook__.__qualname__ = f"{abc_class.__name__}.__subclasshook__"
        abc_class.__subclasshook__ = classmethod(__subclasshook__)
        return abc_class
    return decorate


@_recognises("__enter__", "__exit__")
class AbstractContextManager(abc.ABC):
    """The ABC of what `with` accepts: __exit__ must be defined; __enter__
    gives the manager itself unless overridden. Any class defining both
    counts as a subclass."""

    __class_getitem__ = classmethod(GenericAlias)

    def __enter__(self):
        """Gives the manager itself to `as`."""
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Lets an exception from the block propagate (returns None)."""
        return None


@_recognises("__aenter__", "__aexit__")
class AbstractAsyncContextManager(abc.ABC):
    """The ABC of what `async with` accepts (__aenter__, __aexit__), as
    AbstractContextManager is for `with`."""

    __class_getitem__ = classmethod(GenericAlias)

    async def __aenter__(self):
        """Gives the manager itself to `as`."""
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Lets an exception from the block propagate (returns None)."""
        return None


# -- managers as decorators --

class ContextDecorator(object):
    """Mixin for context managers: an instance used as a decorator runs
    each call of the decorated function inside itself (a fresh copy of
    itself for one-use managers, see _recreate_cm)."""

    def _recreate_cm(self):
        # A manager that can be entered once makes a fresh copy here.
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator(object):
    """ContextDecorator for asynchronous managers and coroutine functions."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


# -- managers made from generators --

def _ruling_after_throw(raised, sent, traceback, finished):
    """How a generator manager's exit ends once throwing `sent` into its
    generator raised `raised`: True to suppress `sent`, False to let it
    propagate, None to propagate `raised` instead. `finished` is the
    exception that means the generator returned."""
    if isinstance(raised, finished):
        # It returned: it dealt with the exception, unless what ended it
        # is the very exception thrown in.
        return raised is not sent
    # The same exception coming back out (for a StopIteration, turned
    # into RuntimeError on the way by PEP 479) is not a new error: it
    # propagates with the traceback it had.
    came_back = raised is sent or (
        isinstance(raised, RuntimeError) and raised.__cause__ is sent
        and isinstance(sent, (StopIteration, StopAsyncIteration)))
    if came_back:
        sent.__traceback__ = traceback
        return False
    return None


class _GeneratorContextManagerBase:
    """What the two generator managers share: the generator and the call
    that made it (to make a fresh one for ContextDecorator)."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        # The function's docstring documents the manager (help(cm)).
        doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if doc is None else doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def _started(self):
        # One use only: the recipe is dropped once the generator runs.
        del self.args, self.kwds, self.func


class _GeneratorContextManager(_GeneratorContextManagerBase,
                               AbstractContextManager, ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        self._started()
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        # Everything happens in this frame, so that tracebacks through it
        # look like CPython's.
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            complaint = "generator didn't stop"
        else:
            # An instance even when only the type was given, so that it
            # can be recognised if it comes back out.
            exc = typ() if value is None else value
            try:
                self.gen.throw(typ, exc, traceback)
            except BaseException as raised:
                ruling = _ruling_after_throw(raised, exc, traceback, StopIteration)
                if ruling is None:
                    raise
                return ruling
            complaint = "generator didn't stop after throw()"
        # The generator yielded again: an error, and it is closed.
        try:
            raise RuntimeError(complaint)
        finally:
            self.gen.close()


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase,
                                    AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        self._started()
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            complaint = "generator didn't stop"
        else:
            exc = typ() if value is None else value
            try:
                await self.gen.athrow(typ, exc, traceback)
            except BaseException as raised:
                ruling = _ruling_after_throw(raised, exc, traceback,
                                             StopAsyncIteration)
                if ruling is None:
                    raise
                return ruling
            complaint = "generator didn't stop after athrow()"
        try:
            raise RuntimeError(complaint)
        finally:
            await self.gen.aclose()


def _manager_maker(func, manager_class):
    @wraps(func)
    def helper(*args, **kwds):
        return manager_class(func, args, kwds)
    return helper


def contextmanager(func):
    """Decorator: turns a generator function that yields once into a
    factory of context managers. The code before the yield runs on entry
    (the yielded value is what `as` binds), the code after it on exit; an
    exception from the with-block is raised at the yield."""
    return _manager_maker(func, _GeneratorContextManager)


def asynccontextmanager(func):
    """@contextmanager for asynchronous generator functions: the managers
    it makes are used with `async with`."""
    return _manager_maker(func, _AsyncGeneratorContextManager)


# -- small managers --

class closing(AbstractContextManager):
    """Calls thing.close() on exit; `as` binds thing."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Awaits thing.aclose() on exit (for asynchronous generators); `as`
    binds thing."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """Does nothing, for either kind of `with`; `as` binds enter_result.
    A stand-in where a manager is optional."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    # `async with` does what `with` does.
    async def __aenter__(self):
        return self.__enter__()

    async def __aexit__(self, *excinfo):
        return self.__exit__(*excinfo)


class _RedirectStream(AbstractContextManager):
    """Points `sys.<_stream>` at a new target for the duration; `as`
    binds the target. The same object may be re-entered: the streams it
    replaced form a stack."""

    _stream = None

    def __init__(self, new_target):
        self._target = new_target
        self._displaced = []

    def __enter__(self):
        self._displaced.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._target)
        return self._target

    def __exit__(self, *exc_info):
        setattr(sys, self._stream, self._displaced.pop())


class redirect_stdout(_RedirectStream):
    """Sends what is written to sys.stdout to another file-like object."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Sends what is written to sys.stderr to another file-like object."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Swallows the listed exceptions (and their subclasses) raised in the
    with-block; execution goes on after the block."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc, traceback):
        return exc_type is not None and issubclass(exc_type, self._exceptions)


class chdir(AbstractContextManager):
    """Changes the working directory for the duration (re-entrant: each
    entry restores its own previous directory). Not safe with threads."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        os.chdir(self._old_cwd.pop())


# -- exit stacks --

def _protocol_methods(obj, enter_name, exit_name, kind):
    """type(obj)'s enter and exit methods (looked up on the type, as `with`
    does), or the TypeError `with` would give."""
    cls = type(obj)
    try:
        return getattr(cls, enter_name), getattr(cls, exit_name)
    except AttributeError:
        raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                        f"not support the {kind} protocol") from None


def _bound_exit(obj, exit_name):
    """obj's exit method bound to it if its type has one, else None."""
    method = getattr(type(obj), exit_name, _MISSING)
    return None if method is _MISSING else MethodType(method, obj)


_MISSING = object()


def _context_links(exc):
    """(exception, its __context__) pairs along exc's context chain."""
    while exc.__context__ is not None:
        yield exc, exc.__context__
        exc = exc.__context__


def _relink_context(new_exc, previous, outer):
    """Chains what a callback raised to the exception it replaced, as CPython's
    exit stacks do: Python linked new_exc's chain to `outer`, the exception
    being handled when the unwinding began; that link is pointed at
    `previous` instead (None when the exception had been suppressed). A
    chain already reaching `previous`, or never meeting `outer`, stays."""
    for holder, context in _context_links(new_exc):
        if context is previous:
            return
        if context is outer:
            holder.__context__ = previous
            return


class _Unwinding:
    """One unwinding of an exit stack: the exception details handed to the
    next callback (the received ones, then whatever a callback raised, or
    Nones once one suppressed), and whether a callback raised."""

    def __init__(self, received):
        self.received = received[0] is not None
        self.details = received
        self.callback_raised = False
        self.outer = sys.exc_info()[1]

    def returned(self, result):
        if result:
            self.details = (None, None, None)

    def raised(self, exc):
        _relink_context(exc, self.details[1], self.outer)
        self.details = (type(exc), exc, exc.__traceback__)
        self.callback_raised = True

    def outcome(self):
        """__exit__'s result: True if the received exception ended up
        suppressed; raises what a callback raised and left in flight."""
        pending = self.details[1]
        if self.callback_raised and pending is not None:
            # `raise` would make the exception being handled its
            # __context__: keep the one the unwinding gave it.
            context = pending.__context__
            try:
                raise pending
            except BaseException:
                pending.__context__ = context
                raise
        return self.received and self.details[0] is None


class _BaseExitStack:
    """What both exit stacks share: the callbacks, newest last, each a
    pair (callback, whether it must be awaited)."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Moves every callback to a new stack of the same type, which is
        returned; this one is left empty."""
        taken = type(self)()
        taken._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return taken

    def _push_exit_callback(self, callback, is_async=False):
        self._exit_callbacks.append((callback, is_async))

    def push(self, exit):
        """Adds a context manager's __exit__, or any callable taking the
        same arguments, to the callbacks; returns `exit` (so it may
        decorate)."""
        method = _bound_exit(exit, "__exit__")
        self._push_exit_callback(exit if method is None else method)
        return exit

    def enter_context(self, cm):
        """Enters cm and pushes its __exit__; returns what __enter__ gave."""
        enter, exit = _protocol_methods(cm, "__enter__", "__exit__",
                                        "context manager")
        result = enter(cm)
        self._push_exit_callback(MethodType(exit, cm))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Pushes a call of callback(*args, **kwds), which ignores the
        exception details; returns callback (so it may decorate)."""
        return self._push_call(callback, args, kwds, is_async=False)

    def _push_call(self, callback, args, kwds, is_async):
        if is_async:
            async def _exit_wrapper(exc_type, exc, tb):
                await callback(*args, **kwds)
        else:
            def _exit_wrapper(exc_type, exc, tb):
                callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._push_exit_callback(_exit_wrapper, is_async)
        return callback


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A context manager that runs a changing set of exit callbacks, newest
    first, as nested with-statements would."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        unwinding = _Unwinding(exc_details)
        while self._exit_callbacks:
            callback, _ = self._exit_callbacks.pop()
            try:
                result = callback(*unwinding.details)
            except BaseException as exc:
                unwinding.raised(exc)
            else:
                unwinding.returned(result)
        return unwinding.outcome()

    def close(self):
        """Runs the callbacks now, as a with-statement's exit would."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for `async with`: it also takes asynchronous managers and
    callbacks, which are awaited in their turn."""

    async def enter_async_context(self, cm):
        """Enters cm (awaiting __aenter__) and pushes its __aexit__."""
        enter, exit = _protocol_methods(cm, "__aenter__", "__aexit__",
                                        "asynchronous context manager")
        result = await enter(cm)
        self._push_exit_callback(MethodType(exit, cm), is_async=True)
        return result

    def push_async_exit(self, exit):
        """push() for an asynchronous manager's __aexit__ or a coroutine
        function taking the same arguments."""
        method = _bound_exit(exit, "__aexit__")
        self._push_exit_callback(exit if method is None else method, is_async=True)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """callback() for a coroutine function: its call is awaited."""
        return self._push_call(callback, args, kwds, is_async=True)

    async def aclose(self):
        """Runs the callbacks now, as an `async with` exit would."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        unwinding = _Unwinding(exc_details)
        while self._exit_callbacks:
            callback, is_async = self._exit_callbacks.pop()
            try:
                result = callback(*unwinding.details)
                if is_async:
                    result = await result
            except BaseException as exc:
                unwinding.raised(exc)
            else:
                unwinding.returned(result)
        return unwinding.outcome()
