# `logging.handlers`: file rotation, buffering in memory, and queues.
# Network and system-log handlers are not in towel: they raise
# NotImplementedError when made.

import io
import os
import logging

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


def _file_size(handler):
    """Where the next record goes: the stream's position, or the file's
    size for streams that cannot tell (the same thing in append mode,
    since every record is flushed)."""
    stream = handler.stream
    if hasattr(stream, "tell"):
        return stream.tell()
    return os.path.getsize(handler.baseFilename) if os.path.exists(handler.baseFilename) else 0


class BaseRotatingHandler(logging.FileHandler):
    """A file handler that moves its file aside when `shouldRollover` says
    so; `namer` and `rotator` customise the new names and the move."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        if not callable(self.namer):
            return default_name
        return self.namer(default_name)

    def rotate(self, source, dest):
        if not callable(self.rotator):
            if os.path.exists(source):
                os.rename(source, dest)
        else:
            self.rotator(source, dest)


class RotatingFileHandler(BaseRotatingHandler):
    """Starts a new file when the current one would pass `maxBytes`,
    keeping `backupCount` old ones as NAME.1 (newest) to NAME.N."""

    def __init__(self, filename, mode="a", maxBytes=0, backupCount=0,
                 encoding=None, delay=False, errors=None):
        # Appending is the only mode that makes sense when rotating.
        if maxBytes > 0:
            mode = "a"
        if "b" not in mode and hasattr(io, "text_encoding"):
            encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            for i in range(self.backupCount - 1, 0, -1):
                source = self.rotation_filename("%s.%d" % (self.baseFilename, i))
                dest = self.rotation_filename("%s.%d" % (self.baseFilename, i + 1))
                if os.path.exists(source):
                    if os.path.exists(dest):
                        os.remove(dest)
                    os.rename(source, dest)
            dest = self.rotation_filename(self.baseFilename + ".1")
            if os.path.exists(dest):
                os.remove(dest)
            self.rotate(self.baseFilename, dest)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            pos = _file_size(self)
            if not pos:
                return False
            msg = "%s\n" % self.format(record)
            if pos + len(msg) >= self.maxBytes:
                # Special files (/dev/null...) are never rotated.
                if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
                    return False
                return True
        return False


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Would start a new file at intervals; towel has not written it."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("logging.handlers.TimedRotatingFileHandler is not implemented in towel")


class WatchedFileHandler(logging.FileHandler):
    """A file handler that reopens its file when it was moved or removed
    (by logrotate and the like)."""

    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        if "b" not in mode and hasattr(io, "text_encoding"):
            encoding = io.text_encoding(encoding)
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self._exists = os.path.exists(self.baseFilename)

    def reopenIfNeeded(self):
        exists = os.path.exists(self.baseFilename)
        if self.stream is not None and not exists and self._exists:
            self.stream.flush()
            self.stream.close()
            self.stream = None
            self.stream = self._open()
        self._exists = True

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class BufferingHandler(logging.Handler):
    """Keeps records in `buffer` until `shouldFlush`; `flush` drops them
    (subclasses send them somewhere first)."""

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
        with self.lock:
            self.buffer.clear()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffers records and hands them to `target` when the buffer is full
    or a record at `flushLevel` or above arrives."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None, flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return (len(self.buffer) >= self.capacity) or (record.levelno >= self.flushLevel)

    def setTarget(self, target):
        with self.lock:
            self.target = target

    def flush(self):
        with self.lock:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            with self.lock:
                self.target = None
                BufferingHandler.close(self)


class QueueHandler(logging.Handler):
    """Puts records, formatted and made safe to pickle, on a queue."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        """A copy of the record with its message formatted and without
        arguments, exception or stack (they may not pickle)."""
        import copy
        msg = self.format(record)
        record = copy.copy(record)
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener:
    """Takes records off a queue and hands them to handlers. Its `start`
    needs a thread, which towel cannot run; `handle` works without one."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        raise NotImplementedError("logging.handlers.QueueListener.start needs threads, which towel does not have")

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level or record.levelno >= handler.level:
                handler.handle(record)

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        if self._thread:
            self.enqueue_sentinel()
            self._thread = None


def _not_in_towel(name):
    class Handler(logging.Handler):
        def __init__(self, *args, **kwargs):
            raise NotImplementedError("logging.handlers.%s is not implemented in towel" % name)
    Handler.__name__ = Handler.__qualname__ = name
    return Handler


SocketHandler = _not_in_towel("SocketHandler")
DatagramHandler = _not_in_towel("DatagramHandler")
SysLogHandler = _not_in_towel("SysLogHandler")
SMTPHandler = _not_in_towel("SMTPHandler")
NTEventLogHandler = _not_in_towel("NTEventLogHandler")
HTTPHandler = _not_in_towel("HTTPHandler")
