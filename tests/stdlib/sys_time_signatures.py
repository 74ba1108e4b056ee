# sys's, time's and contextvars' functions: their module, whether they have a docstring,
# their text signature, and CPython's TypeError for wrong arguments.
import contextvars
import sys
import time

FUNCTIONS = [
    (time, ['time', 'time_ns', 'perf_counter', 'perf_counter_ns', 'monotonic',
            'monotonic_ns', 'process_time', 'process_time_ns', 'thread_time',
            'thread_time_ns', 'sleep']),
    (sys, ['exit', 'getrecursionlimit', 'setrecursionlimit',
           'getswitchinterval', 'setswitchinterval', 'exc_info', 'exception',
           'getsizeof', 'getrefcount', 'intern', 'getdefaultencoding',
           'getfilesystemencoding', 'getfilesystemencodeerrors',
           'get_asyncgen_hooks', 'get_int_max_str_digits', '_getframe',
           'settrace', 'gettrace', 'setprofile', 'getprofile',
           'set_coroutine_origin_tracking_depth',
           'get_coroutine_origin_tracking_depth']),
]

# Compared without their docstrings, which CPython does not give them.
UNDOCUMENTED_IN_CPYTHON = [(contextvars, ['copy_context'])]

CALLS = [((1, 2, 3, 4), {}), ((None,), {'bogus': 1}), ((), {})]

for module, names in FUNCTIONS + UNDOCUMENTED_IN_CPYTHON:
    for name in names:
        f = getattr(module, name)
        doc = f.__doc__
        documented = isinstance(doc, str) and bool(doc.strip())
        if (module, names) in UNDOCUMENTED_IN_CPYTHON:
            documented = '-'
        print(f'{module.__name__}.{name}', f.__module__, documented,
              f.__text_signature__)
        for args, kwargs in CALLS:
            if name == 'exit' and not args and not kwargs:
                continue
            try:
                f(*args, **kwargs)
            except TypeError as e:
                print('   ', type(e).__name__, e)
            except BaseException as e:
                print('   ', type(e).__name__)
            else:
                print('    ok')
