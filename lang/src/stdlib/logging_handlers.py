# `logging.handlers`: handlers beyond the core ones: files that roll over at a
# size, files watched for being moved, buffers flushed to another handler,
# and a queue between the logging thread and the handlers. Written for towel
# from the library documentation and CPython 3.11's observed behaviour.
# Handlers that need sockets, syslog, mail or HTTP are not in towel yet.

import io
import os
import copy
import threading
import logging
from logging import _FailuresReported

__all__ = ["BaseRotatingHandler", "RotatingFileHandler", "TimedRotatingFileHandler",
           "WatchedFileHandler", "BufferingHandler", "MemoryHandler", "QueueHandler",
           "QueueListener"]

DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = 514
SYSLOG_TCP_PORT = 514

_MIDNIGHT = 24 * 60 * 60


# == files that roll over ========================================================

class BaseRotatingHandler(logging.FileHandler):
    """A file handler that, before writing a record, asks shouldRollover()
    and if so calls doRollover(). `namer` renames backups, `rotator` moves
    the file to its backup name (both optional callables)."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)

    def emit(self, record):
        with _FailuresReported(self, record):
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)

    def rotation_filename(self, default_name):
        return self.namer(default_name) if callable(self.namer) else default_name

    def rotate(self, source, dest):
        if callable(self.rotator):
            self.rotator(source, dest)
        elif os.path.exists(source):
            os.rename(source, dest)


class RotatingFileHandler(BaseRotatingHandler):
    """Starts a new file when the next record would take the current one to
    `maxBytes`, keeping `backupCount` old files as NAME.1 (newest) ... NAME.n."""

    def __init__(self, filename, mode="a", maxBytes=0, backupCount=0,
                 encoding=None, delay=False, errors=None):
        # Opening with "w" would truncate the file the size limit is about.
        if maxBytes > 0:
            mode = "a"
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def _backup_name(self, number):
        return self.rotation_filename("%s.%d" % (self.baseFilename, number))

    def doRollover(self):
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            # Oldest first, so each backup moves into a free name.
            names = [self._backup_name(n) for n in range(1, self.backupCount + 1)]
            for older, newer in reversed(list(zip(names[1:], names[:-1]))):
                if os.path.exists(newer):
                    _replace_file(newer, older)
            if os.path.exists(names[0]):
                os.remove(names[0])
            self.rotate(self.baseFilename, names[0])
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0 or not _is_regular_file(self.baseFilename):
            return False
        pending = len(self.format(record) + "\n")
        self.stream.seek(0, 2)
        return self.stream.tell() + pending >= self.maxBytes


def _is_regular_file(path):
    """Whether path is an ordinary file (or not there yet): devices such as
    /dev/null are never rolled over."""
    return not os.path.exists(path) or os.path.isfile(path)


def _replace_file(source, dest):
    if os.path.exists(dest):
        os.remove(dest)
    os.rename(source, dest)


class TimedRotatingFileHandler(BaseRotatingHandler):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            "logging.handlers.TimedRotatingFileHandler is not implemented in towel")


class WatchedFileHandler(logging.FileHandler):
    """A file handler that reopens its file when the file it wrote to was
    moved or deleted (by log rotation outside the program)."""

    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.dev = self.ino = -1
        self._remember_identity()

    def _remember_identity(self):
        if self.stream is not None:
            info = os.fstat(self.stream.fileno())
            self.dev, self.ino = info.st_dev, info.st_ino

    def reopenIfNeeded(self):
        try:
            info = os.stat(self.baseFilename)
            same = (info.st_dev, info.st_ino) == (self.dev, self.ino)
        except FileNotFoundError:
            same = False
        if same or self.stream is None:
            return
        old, self.stream = self.stream, None
        old.flush()
        old.close()
        self.stream = self._open()
        self._remember_identity()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


# == buffers =====================================================================

class BufferingHandler(logging.Handler):
    """Keeps records in `buffer`; flush() (here: forgetting them) runs when
    shouldFlush() says so, by default once `capacity` records are held."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        with self._guard():
            del self.buffer[:]

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """A buffer passed on to `target` when full or when a record at
    `flushLevel` or above arrives (and, with flushOnClose, at close)."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None, flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return (BufferingHandler.shouldFlush(self, record)
                or record.levelno >= self.flushLevel)

    def setTarget(self, target):
        with self._guard():
            self.target = target

    def flush(self):
        # Without a target the records wait for one.
        with self._guard():
            if not self.target:
                return
            pending, self.buffer[:] = list(self.buffer), []
            for record in pending:
                self.target.handle(record)

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            with self._guard():
                self.target = None
            BufferingHandler.close(self)


# == queues ======================================================================

class QueueHandler(logging.Handler):
    """Puts each record, formatted and made safe to pickle, on a queue (for
    a QueueListener in another thread or process)."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        # The text is final: arguments, exception and stack are folded into
        # msg so the copy carries nothing unpicklable.
        text = self.format(record)
        ready = copy.copy(record)
        vars(ready).update(message=text, msg=text, args=None, exc_info=None,
                           exc_text=None, stack_info=None)
        return ready

    def emit(self, record):
        with _FailuresReported(self, record):
            self.enqueue(self.prepare(record))


class QueueListener:
    """Takes records off a queue in a thread of its own and gives them to its
    handlers; None on the queue (enqueue_sentinel) ends the thread."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self.respect_handler_level = respect_handler_level
        self._thread = None

    def dequeue(self, block):
        return self.queue.get(block)

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            wanted = not self.respect_handler_level or record.levelno >= handler.level
            if wanted:
                handler.handle(record)

    def _drain(self):
        done = getattr(self.queue, "task_done", None)
        while True:
            record = self.dequeue(True)
            if record is not self._sentinel:
                self.handle(record)
            if done is not None:
                done()
            if record is self._sentinel:
                return

    def start(self):
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        self.enqueue_sentinel()
        worker = self._thread
        worker.join()
        self._thread = None


# == not in towel ================================================================

def _missing_handler(name):
    class Missing(logging.Handler):
        def __init__(self, *args, **kwargs):
            raise NotImplementedError(
                "logging.handlers.%s is not implemented in towel" % name)
    Missing.__name__ = Missing.__qualname__ = name
    return Missing


SocketHandler = _missing_handler("SocketHandler")
DatagramHandler = _missing_handler("DatagramHandler")
SysLogHandler = _missing_handler("SysLogHandler")
SMTPHandler = _missing_handler("SMTPHandler")
NTEventLogHandler = _missing_handler("NTEventLogHandler")
HTTPHandler = _missing_handler("HTTPHandler")
