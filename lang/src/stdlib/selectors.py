# `selectors`: waiting on many file objects at once. A selector keeps one
# `SelectorKey` (file object, descriptor, events, data) per registered
# descriptor; `select()` asks the OS which are ready and answers with
# `(key, ready events)` pairs. Two concrete selectors share one key table
# (`_KeyTableSelector`) and differ only in how they ask the OS: `select()`
# or a `poll` object. `DefaultSelector` is `PollSelector`: towel has no epoll
# object, and poll serves the same programs.

from abc import ABCMeta, abstractmethod
from collections import namedtuple
from collections.abc import Mapping
import math
import select

EVENT_READ = 1
EVENT_WRITE = 2
_KNOWN_EVENTS = EVENT_READ | EVENT_WRITE

SelectorKey = namedtuple("SelectorKey", ["fileobj", "fd", "events", "data"])


def _descriptor(fileobj):
    """The descriptor behind an int or an object with `fileno()`."""
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


def _not_registered(fileobj):
    return KeyError(f"{fileobj!r} is not registered")


class _SelectorMapping(Mapping):
    """The read-only view `get_map()` returns: descriptors to keys, and file
    objects looked up through their descriptor."""

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._keys)

    def __iter__(self):
        return iter(self._selector._keys)

    def __getitem__(self, fileobj):
        return self._selector._registered(fileobj)


class BaseSelector(metaclass=ABCMeta):
    """The selector interface. Subclasses supply `register`, `unregister`,
    `select` and `get_map`; the rest is built on them."""

    @abstractmethod
    def register(self, fileobj, events, data=None):
        raise NotImplementedError

    @abstractmethod
    def unregister(self, fileobj):
        raise NotImplementedError

    def modify(self, fileobj, events, data=None):
        """Changes a registration's events or data; returns the new key."""
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    @abstractmethod
    def select(self, timeout=None):
        raise NotImplementedError

    def close(self):
        """Frees the selector's resources."""

    def get_key(self, fileobj):
        keys = self.get_map()
        if keys is None:
            raise RuntimeError("Selector is closed")
        if fileobj not in keys:
            raise _not_registered(fileobj)
        return keys[fileobj]

    @abstractmethod
    def get_map(self):
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class _KeyTableSelector(BaseSelector):
    """The key table both concrete selectors keep. Subclasses tell the OS
    side about changes through `_watch(fd, events)` and `_forget(fd)`."""

    def __init__(self):
        self._keys = {}
        self._view = _SelectorMapping(self)

    def _fd_of(self, fileobj):
        # A file object whose descriptor is gone (a closed socket answers
        # -1) is still found by identity among the registered ones.
        try:
            return _descriptor(fileobj)
        except ValueError:
            for key in self._keys.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def _registered(self, fileobj):
        key = self._keys.get(self._fd_of(fileobj))
        if key is None:
            raise _not_registered(fileobj)
        return key

    def register(self, fileobj, events, data=None):
        if not events or events & ~_KNOWN_EVENTS:
            raise ValueError(f"Invalid events: {events!r}")
        fd = self._fd_of(fileobj)
        if fd in self._keys:
            raise KeyError(f"{fileobj!r} (FD {fd}) is already registered")
        key = self._keys[fd] = SelectorKey(fileobj, fd, events, data)
        self._watch(fd, events)
        return key

    def unregister(self, fileobj):
        key = self._registered(fileobj)
        del self._keys[key.fd]
        self._forget(key.fd)
        return key

    def modify(self, fileobj, events, data=None):
        key = self._registered(fileobj)
        if events != key.events:
            self.unregister(fileobj)
            return self.register(fileobj, events, data)
        if data != key.data:
            key = self._keys[key.fd] = key._replace(data=data)
        return key

    def close(self):
        self._keys.clear()
        self._view = None

    def get_map(self):
        return self._view

    def _ready(self, fd, readable, writable):
        """The `(key, events)` pair for a descriptor the OS reported, or None
        when it is no longer registered or nothing it waits for happened."""
        key = self._keys.get(fd)
        if key is None:
            return None
        happened = (EVENT_READ if readable else 0) | (EVENT_WRITE if writable else 0)
        return key, happened & key.events


class SelectSelector(_KeyTableSelector):
    """A selector over `select.select()`."""

    def __init__(self):
        super().__init__()
        # The descriptors `select()` is asked about, per event.
        self._waiting = {EVENT_READ: set(), EVENT_WRITE: set()}

    def _watch(self, fd, events):
        for event, fds in self._waiting.items():
            if events & event:
                fds.add(fd)

    def _forget(self, fd):
        for fds in self._waiting.values():
            fds.discard(fd)

    def select(self, timeout=None):
        wait = None if timeout is None else max(timeout, 0)
        try:
            readable, writable, _ = select.select(
                self._waiting[EVENT_READ], self._waiting[EVENT_WRITE], [], wait)
        except InterruptedError:
            return []
        readable, writable = set(readable), set(writable)
        found = (self._ready(fd, fd in readable, fd in writable)
                 for fd in sorted(readable | writable))
        return [pair for pair in found if pair is not None]


class PollSelector(_KeyTableSelector):
    """A selector over a `select.poll` object."""

    def __init__(self):
        super().__init__()
        self._poll = select.poll()

    @staticmethod
    def _poll_mask(events):
        return ((select.POLLIN if events & EVENT_READ else 0)
                | (select.POLLOUT if events & EVENT_WRITE else 0))

    def _watch(self, fd, events):
        self._poll.register(fd, self._poll_mask(events))

    def _forget(self, fd):
        try:
            self._poll.unregister(fd)
        except OSError:
            # The descriptor was closed before it was unregistered.
            pass

    def modify(self, fileobj, events, data=None):
        # A poll registration is changed in place: the events are not
        # checked, and if the OS refuses, the registration is dropped.
        key = self._registered(fileobj)
        if events == key.events and data == key.data:
            return key
        if events != key.events:
            try:
                self._poll.modify(key.fd, self._poll_mask(events))
            except BaseException:
                _KeyTableSelector.unregister(self, fileobj)
                raise
        key = self._keys[key.fd] = key._replace(events=events, data=data)
        return key

    def select(self, timeout=None):
        if timeout is None:
            wait_ms = None
        elif timeout <= 0:
            wait_ms = 0
        else:
            # Rounded up: a wait shorter than asked could return before
            # the deadline with nothing ready.
            wait_ms = math.ceil(timeout * 1000)
        try:
            reports = self._poll.poll(wait_ms)
        except InterruptedError:
            return []
        # Errors and hang-ups (any bit but the other direction's) count as
        # both readable and writable: the next read or write reports them.
        found = (self._ready(fd, revents & ~select.POLLOUT, revents & ~select.POLLIN)
                 for fd, revents in reports)
        return [pair for pair in found if pair is not None]


DefaultSelector = PollSelector
