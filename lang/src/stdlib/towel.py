# The towel half of the `towel` module (see towel.rs).


class virtual_time:
    """Context manager: the block runs on a virtual clock.

    Inside it, time.time(), time.monotonic(), time.perf_counter(),
    time.sleep() and an asyncio loop's time() read a clock that jumps to
    the next timer whenever every task is waiting on one, so sleeps take no
    real time and elapsed times read as if they had. Leaving the block puts
    the clock back on real time (unless it was virtual on entry), so
    readings taken inside are not comparable with readings taken outside.
    """

    def __enter__(self):
        self._was_virtual = _set_virtual_time(True)
        return self

    def __exit__(self, *exc_info):
        if not self._was_virtual:
            _set_virtual_time(False)
        return False
