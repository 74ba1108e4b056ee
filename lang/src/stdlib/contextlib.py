# `contextlib`: utilities for `with` and `async with` (docs.python.org,
# "contextlib — Utilities for with-statement contexts"), written for towel
# from the documentation and CPython 3.11's observable behaviour.
#
# Layout: the two abstract base classes; the decorator mixins; the
# generator-driven managers built by @contextmanager/@asynccontextmanager,
# which share one rule (`_throw_outcome`) for what an exception thrown into
# the generator means; the small single-purpose managers; and the exit
# stacks, which unwind a list of callbacks the way nested `with` statements
# would (`_ExitStackCore`).

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


# -- abstract base classes -----------------------------------------------------------------


class AbstractContextManager(abc.ABC):
    """ABC of objects usable in `with`: `__enter__` (returning self by default) and an abstract `__exit__`."""

    __slots__ = ()
    __class_getitem__ = classmethod(GenericAlias)

    def __enter__(self):
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is not AbstractContextManager:
            return NotImplemented
        return _implements(C, ("__enter__", "__exit__"))


class AbstractAsyncContextManager(abc.ABC):
    """ABC of objects usable in `async with`: `__aenter__` (returning self by default) and an abstract `__aexit__`."""

    __slots__ = ()
    __class_getitem__ = classmethod(GenericAlias)

    async def __aenter__(self):
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is not AbstractAsyncContextManager:
            return NotImplemented
        return _implements(C, ("__aenter__", "__aexit__"))


# -- using a context manager as a decorator -----------------------------------------------


class ContextDecorator(object):
    """Mixin: `@manager` runs each call of the decorated function inside `with manager`."""

    def _recreate_cm(self):
        # A manager that can be entered only once (like the generator-based
        # ones) returns a fresh copy of itself here, one per decorated call.
        return self

    def __call__(self, func):
        manager_for_call = self._recreate_cm

        @wraps(func)
        def run_inside(*args, **kwds):
            with manager_for_call():
                return func(*args, **kwds)

        return run_inside


class AsyncContextDecorator(object):
    """Mixin: `@manager` runs each call of the decorated coroutine function inside `async with manager`."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        manager_for_call = self._recreate_cm

        @wraps(func)
        async def run_inside(*args, **kwds):
            async with manager_for_call():
                return await func(*args, **kwds)

        return run_inside


# -- @contextmanager and @asynccontextmanager ----------------------------------------------


def _throw_outcome(raised, thrown, traceback, finished, stop_types):
    """Judges the exception `raised` by a generator after `thrown` was thrown
    into it at its `yield`. Returns True (the generator finished: the
    exception is suppressed unless it is `thrown` itself), False (the
    generator let `thrown` through, possibly turned into a RuntimeError
    because it was one of `stop_types`: the `with` statement re-raises the
    original), or None (a new exception that must propagate instead)."""
    if isinstance(raised, finished):
        return raised is not thrown
    let_through = raised is thrown or (
        isinstance(raised, RuntimeError)
        and isinstance(thrown, stop_types)
        and raised.__cause__ is thrown
    )
    if let_through:
        # Keep the traceback the body raised with, not one through here.
        thrown.__traceback__ = traceback
        return False
    return None


class _GeneratorContextManagerBase:
    """The recipe (generator function and arguments) both generator-driven
    managers are built from."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        # help() on the manager shows the generator function's documentation.
        own_doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if own_doc is None else own_doc

    def _recreate_cm(self):
        return type(self)(self.func, self.args, self.kwds)

    def _started(self):
        """Forget the recipe once the generator runs: a started manager
        cannot be recreated, and must not keep the arguments alive."""
        del self.func, self.args, self.kwds


class _GeneratorContextManager(
    _GeneratorContextManagerBase, AbstractContextManager, ContextDecorator
):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        self._started()
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            complaint = "generator didn't stop"
        else:
            if value is None:
                value = typ()
            try:
                self.gen.throw(value)
            except BaseException as raised:
                outcome = _throw_outcome(raised, value, traceback, StopIteration, StopIteration)
                if outcome is None:
                    raise
                return outcome
            complaint = "generator didn't stop after throw()"
        try:
            raise RuntimeError(complaint)
        finally:
            self.gen.close()


class _AsyncGeneratorContextManager(
    _GeneratorContextManagerBase, AbstractAsyncContextManager, AsyncContextDecorator
):
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
            if value is None:
                value = typ()
            try:
                await self.gen.athrow(value)
            except BaseException as raised:
                outcome = _throw_outcome(
                    raised, value, traceback, StopAsyncIteration,
                    (StopIteration, StopAsyncIteration),
                )
                if outcome is None:
                    raise
                return outcome
            complaint = "generator didn't stop after athrow()"
        try:
            raise RuntimeError(complaint)
        finally:
            await self.gen.aclose()


def _manager_factory(func, manager_class):
    @wraps(func)
    def make_manager(*args, **kwds):
        return manager_class(func, args, kwds)

    return make_manager


def contextmanager(func):
    """@contextmanager decorator: the generator function `func` becomes a
    factory of context managers; the code before its single `yield` runs on
    entry, the yielded value is bound by `as`, and an exception from the
    `with` block is raised at the `yield`."""
    return _manager_factory(func, _GeneratorContextManager)


def asynccontextmanager(func):
    """@asynccontextmanager decorator: as @contextmanager, for an
    asynchronous generator function and `async with`."""
    return _manager_factory(func, _AsyncGeneratorContextManager)


# -- single-purpose managers ---------------------------------------------------------------


class closing(AbstractContextManager):
    """`with closing(thing) as t:` binds `thing` and calls `thing.close()` when the block ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """`async with aclosing(thing) as t:` binds `thing` and awaits
    `thing.aclose()` when the block ends (for async generators)."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """Does nothing: `with nullcontext(x) as y` binds `x` (for an optional manager)."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class _RedirectStream(AbstractContextManager):
    # The `sys` attribute a subclass swaps.
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # One saved stream per active entry: the same object may be nested.
        self._saved_streams = []

    def __enter__(self):
        self._saved_streams.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._saved_streams.pop())


class redirect_stdout(_RedirectStream):
    """Points `sys.stdout` at another file for the duration of the block."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Points `sys.stderr` at another file for the duration of the block."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Ends the block silently when it raises one of the given exception types."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class chdir(AbstractContextManager):
    """Changes the working directory for the block and restores it after (not thread-safe)."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        os.chdir(self._old_cwd.pop())


# -- exit stacks ---------------------------------------------------------------------------


def _protocol_error(manager, kind):
    cls = type(manager)
    return TypeError(
        f"'{cls.__module__}.{cls.__qualname__}' object does not support "
        f"the {kind}context manager protocol"
    )


def _reattach_context(new_exc, previous, outer):
    """Gives `new_exc` (raised by an exit callback) the context chain that
    nested `with` statements would: its chain, which the interpreter linked
    to `outer` (the exception being handled around the stack, if any), is
    made to end at `previous` (the exception the callback was handed)."""
    link = new_exc
    while True:
        context = link.__context__
        if context is None or context is previous:
            return
        if context is outer:
            link.__context__ = previous
            return
        link = context


def _raise_keeping_context(exc):
    # `raise` would relink the context to the exception being handled.
    context = exc.__context__
    try:
        raise exc
    finally:
        exc.__context__ = context


class _ExitStackCore:
    """What ExitStack and AsyncExitStack share: the registered callbacks, as
    (callable, is_coroutine_function) pairs run last-in first-out, and the
    synchronous registration methods."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Moves every registered callback to a new stack of the same type and returns it."""
        successor = type(self)()
        successor._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return successor

    def _register(self, exit_callable, is_async=False):
        self._exit_callbacks.append((exit_callable, is_async))

    def push(self, exit):
        """Registers `exit`, called as `exit(exc_type, exc, tb)` and able to
        suppress like `__exit__`; for an object whose type has `__exit__`,
        that bound method is registered. Returns `exit` (usable as a decorator)."""
        exit_method = getattr(type(exit), "__exit__", None)
        if exit_method is None:
            self._register(exit)
        else:
            self._register(MethodType(exit_method, exit))
        return exit

    def enter_context(self, cm):
        """Enters `cm` and registers its `__exit__`; returns what `__enter__` returned."""
        cls = type(cm)
        try:
            enter, exit = cls.__enter__, cls.__exit__
        except AttributeError:
            raise _protocol_error(cm, "") from None
        result = enter(cm)
        self._register(MethodType(exit, cm))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Registers `callback(*args, **kwds)` to run at unwinding (its result
        is ignored: it never suppresses). Returns `callback`."""

        def call_ignoring_exception(exc_type, exc, tb):
            callback(*args, **kwds)

        call_ignoring_exception.__wrapped__ = callback
        self._register(call_ignoring_exception)
        return callback

    @staticmethod
    def _finish_unwind(received, details, raised_by_callback):
        """Ends an unwinding: raises an exception a callback raised (and no
        later callback suppressed); otherwise tells the `with` statement
        whether the exception it handed in was suppressed."""
        if raised_by_callback:
            _raise_keeping_context(details[1])
        return received and details[0] is None


_NO_EXCEPTION = (None, None, None)


class ExitStack(_ExitStackCore, AbstractContextManager):
    """A `with` block whose exit work is registered while it runs: callbacks and
    entered managers are unwound last-in first-out, with the exception semantics
    of nested `with` statements."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received = exc_details[0] is not None
        outer = sys.exc_info()[1]
        raised_by_callback = False
        # Popped one at a time: a callback may register further ones.
        while self._exit_callbacks:
            exit_callable, _ = self._exit_callbacks.pop()
            try:
                if exit_callable(*exc_details):
                    exc_details = _NO_EXCEPTION
                    raised_by_callback = False
            except BaseException as new_exc:
                _reattach_context(new_exc, exc_details[1], outer)
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
                raised_by_callback = True
        return self._finish_unwind(received, exc_details, raised_by_callback)

    def close(self):
        """Runs every registered callback now, as leaving the block without an exception would."""
        self.__exit__(None, None, None)


class AsyncExitStack(_ExitStackCore, AbstractAsyncContextManager):
    """ExitStack for `async with`: also registers coroutine functions and
    asynchronous managers, awaited as it unwinds."""

    async def enter_async_context(self, cm):
        """Enters `cm` with `await cm.__aenter__()` and registers its `__aexit__`;
        returns what `__aenter__` returned."""
        cls = type(cm)
        try:
            enter, exit = cls.__aenter__, cls.__aexit__
        except AttributeError:
            raise _protocol_error(cm, "asynchronous ") from None
        result = await enter(cm)
        self._register(MethodType(exit, cm), is_async=True)
        return result

    def push_async_exit(self, exit):
        """As `push`, for a coroutine function awaited at unwinding (or an
        object whose type has `__aexit__`)."""
        exit_method = getattr(type(exit), "__aexit__", None)
        if exit_method is None:
            self._register(exit, is_async=True)
        else:
            self._register(MethodType(exit_method, exit), is_async=True)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """As `callback`, for a coroutine function awaited at unwinding."""

        async def await_ignoring_exception(exc_type, exc, tb):
            await callback(*args, **kwds)

        await_ignoring_exception.__wrapped__ = callback
        self._register(await_ignoring_exception, is_async=True)
        return callback

    async def aclose(self):
        """Runs every registered callback now, as leaving the block without an exception would."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received = exc_details[0] is not None
        outer = sys.exc_info()[1]
        raised_by_callback = False
        # Popped one at a time: a callback may register further ones.
        while self._exit_callbacks:
            exit_callable, is_async = self._exit_callbacks.pop()
            try:
                verdict = exit_callable(*exc_details)
                if is_async:
                    verdict = await verdict
                if verdict:
                    exc_details = _NO_EXCEPTION
                    raised_by_callback = False
            except BaseException as new_exc:
                _reattach_context(new_exc, exc_details[1], outer)
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
                raised_by_callback = True
        return self._finish_unwind(received, exc_details, raised_by_callback)
