# `unittest._log`: the context manager behind assertLogs and assertNoLogs
# (imported on first use, so that `import unittest` does not load logging).
#
# While the block runs, the watched logger's handlers are swapped for one
# that records, its level set to the one asked for and propagation turned
# off, so the records neither reach other handlers nor get lost; all three
# are put back on the way out.

import collections
import logging

# Frames of this module are left out of the tracebacks unittest reports.
__unittest = True

# What `with self.assertLogs() as cm` gives: the LogRecords and their text.
_LoggingWatcher = collections.namedtuple("_LoggingWatcher", ["records", "output"], module=__name__)

_OUTPUT_FORMAT = "%(levelname)s:%(name)s:%(message)s"


class _CapturingHandler(logging.Handler):
    """Hands every record at or above its level, with its text, to a watcher."""

    def __init__(self, watcher, level):
        super().__init__(level)
        self.setFormatter(logging.Formatter(_OUTPUT_FORMAT))
        self.watcher = watcher

    def flush(self):
        pass  # nothing is buffered

    def emit(self, record):
        records, lines = self.watcher
        lines.append(self.format(record))
        records.append(record)


class _AssertLogsContext:
    """assertLogs (no_logs false: at least one record must come) or
    assertNoLogs (no_logs true: none may) on one logger, at one level."""

    def __init__(self, test_case, logger_name, level, no_logs):
        # A level may be named ("DEBUG"); an unknown name stays a string,
        # for Logger.setLevel to reject when the block starts.
        by_name = logging.getLevelNamesMapping()
        self.level = logging.INFO if level is None else by_name.get(level, level)
        self.test_case, self.logger_name, self.no_logs = test_case, logger_name, no_logs
        self.msg = None

    def __enter__(self):
        watched = self.logger_name
        if not isinstance(watched, logging.Logger):
            watched = logging.getLogger(watched)
        self.logger = watched
        self._saved = (list(watched.handlers), watched.level, watched.propagate)
        self.watcher = _LoggingWatcher([], [])
        capture = _CapturingHandler(self.watcher, self.level)
        watched.setLevel(self.level)
        watched.handlers = [capture]
        watched.propagate = False
        if not self.no_logs:
            return self.watcher
        return None

    def __exit__(self, exc_type, exc_value, tb):
        logger = self.logger
        logger.handlers, level, logger.propagate = self._saved
        logger.setLevel(level)
        if exc_type is not None:
            return False  # the block's own exception goes on unchecked
        seen = self.watcher.output
        if self.no_logs and seen:
            self._fail(f"Unexpected logs found: {seen!r}")
        elif not self.no_logs and not seen:
            self._fail(f"no logs of level {logging.getLevelName(self.level)} "
                       f"or higher triggered on {self.logger.name}")
        return None

    def _fail(self, standard_message):
        test = self.test_case
        raise test.failureException(test._formatMessage(self.msg, standard_message))
