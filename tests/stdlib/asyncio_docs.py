# asyncio's public names as help() and inspect see them: the module each one
# names (CPython's submodule), the signature of each function and method,
# and which have no docstring.
import asyncio
import inspect

# The names of CPython 3.11's asyncio.__all__ that towel has.
NAMES = [
    'ALL_COMPLETED', 'AbstractEventLoop', 'AbstractEventLoopPolicy', 'Barrier',
    'BaseEventLoop', 'BaseProtocol', 'BoundedSemaphore', 'BrokenBarrierError',
    'CancelledError', 'Condition', 'DefaultEventLoopPolicy', 'Event',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Future', 'Handle',
    'IncompleteReadError', 'InvalidStateError', 'LifoQueue', 'LimitOverrunError',
    'Lock', 'PriorityQueue', 'Protocol', 'Queue', 'QueueEmpty', 'QueueFull',
    'Runner', 'SelectorEventLoop', 'Semaphore', 'SendfileNotAvailableError',
    'Server', 'StreamReader', 'StreamWriter', 'Task', 'Timeout', 'TimeoutError',
    'TimerHandle', '_get_running_loop', 'all_tasks', 'as_completed',
    'create_subprocess_exec', 'create_subprocess_shell', 'create_task',
    'current_task', 'ensure_future', 'gather', 'get_event_loop',
    'get_event_loop_policy', 'get_running_loop', 'iscoroutine',
    'iscoroutinefunction', 'isfuture', 'new_event_loop', 'open_connection', 'run',
    'run_coroutine_threadsafe', 'set_event_loop', 'set_event_loop_policy',
    'shield', 'sleep', 'start_server', 'timeout', 'timeout_at', 'to_thread',
    'wait', 'wait_for', 'wrap_future',
]

# Public methods, by class.
METHODS = {
    'Future': ['cancel', 'cancelled', 'done', 'exception',
               'get_loop', 'remove_done_callback', 'result', 'set_exception',
               'set_result'],
    'Task': ['cancel', 'cancelling', 'get_coro', 'get_name', 'get_stack',
             'set_name', 'uncancel'],
    'Queue': ['empty', 'full', 'get', 'get_nowait', 'join', 'put',
              'put_nowait', 'qsize', 'task_done'],
    'Lock': ['acquire', 'locked', 'release'],
    'Event': ['clear', 'is_set', 'set', 'wait'],
    'Handle': ['cancel', 'cancelled'],
    'TimerHandle': ['when'],
    'BaseEventLoop': ['call_at', 'call_exception_handler', 'call_later',
                      'call_soon', 'call_soon_threadsafe', 'close',
                      'create_future', 'create_task',
                      'default_exception_handler', 'get_debug',
                      'get_exception_handler', 'get_task_factory',
                      'is_closed', 'is_running', 'run_forever',
                      'run_in_executor', 'run_until_complete', 'set_debug',
                      'set_exception_handler', 'set_task_factory', 'stop',
                      'time'],
}

# What CPython leaves without a docstring: towel documents these, so they
# are not compared.
UNDOCUMENTED_IN_CPYTHON = {
    'BaseEventLoop', 'Server', 'StreamReader', 'create_subprocess_exec',
    'create_subprocess_shell', 'Task.get_coro', 'Task.get_name',
    'Task.set_name', 'Handle.cancel', 'Handle.cancelled',
    'BaseEventLoop.get_debug', 'BaseEventLoop.run_in_executor',
    'BaseEventLoop.set_debug',
}


def documented(obj):
    doc = getattr(obj, '__doc__', None)
    return isinstance(doc, str) and doc.strip() != ''


def signature(obj):
    """The parameters, without annotations (towel's functions have none)."""
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError) as e:
        return f'<{type(e).__name__}>'
    bare = [p.replace(annotation=p.empty) for p in sig.parameters.values()]
    return str(sig.replace(parameters=bare, return_annotation=sig.empty))


undocumented = []
for name in NAMES:
    obj = getattr(asyncio, name)
    if isinstance(obj, str):
        print(name, repr(obj))
        continue
    if isinstance(obj, type):
        print(name, 'class in', obj.__module__)
    else:
        print(name, 'in', obj.__module__, signature(obj))
    # Builtins (TimeoutError) are documented with the builtins.
    builtin = getattr(obj, '__module__', None) == 'builtins'
    if not documented(obj) and not builtin and name not in UNDOCUMENTED_IN_CPYTHON:
        undocumented.append(name)

for cls_name, methods in METHODS.items():
    cls = getattr(asyncio, cls_name)
    for m in methods:
        f = getattr(cls, m)
        print(f'{cls_name}.{m}{signature(f)}')
        key = f'{cls_name}.{m}'
        if not documented(f) and key not in UNDOCUMENTED_IN_CPYTHON:
            undocumented.append(key)

# CPython's inspect rejects the text signature of this one (its `context`
# default is unrepresentable): only its docstring is compared.
if not documented(asyncio.Future.add_done_callback):
    undocumented.append('Future.add_done_callback')

print('without a docstring:', undocumented)
