# asyncio.Runner, asyncio.run and the event loop policy functions: states,
# errors, leftover tasks at shutdown, and iscoroutinefunction.
import asyncio
import threading
import types


async def answer():
    return 42


async def lingering(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append(f"lingering cancelled {e.args}")
        raise


async def fails_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise RuntimeError("cleanup failed")


def exception_handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]),
          context["task"].get_name())


async def leave_tasks(log):
    asyncio.get_running_loop().set_exception_handler(exception_handler)
    asyncio.create_task(lingering(log), name="L")
    asyncio.create_task(fails_on_cancel(), name="F")
    await asyncio.sleep(0)
    return "main done"


def runners():
    log = []
    print(asyncio.run(leave_tasks(log)), log)
    with asyncio.Runner() as runner:
        loop = runner.get_loop()
        print(type(loop).__name__, loop.get_debug(), runner.run(answer()))
        print(runner.run(answer()), runner.get_loop() is loop)
        c = answer()
        try:
            runner.run(c)
            runner.run(5)
        except ValueError as e:
            print("ValueError", e)
    print(loop.is_closed())
    try:
        runner.run(c)
    except RuntimeError as e:
        print("RuntimeError", e)
    c.close()
    runner.close()
    runner = asyncio.Runner(debug=True)
    print(runner.get_loop().get_debug())
    runner.close()
    made = []

    def factory():
        made.append(asyncio.new_event_loop())
        return made[-1]
    with asyncio.Runner(loop_factory=factory) as runner:
        print(runner.get_loop() is made[0])
    print(made[0].is_closed())

    async def nested():
        c = answer()
        try:
            asyncio.run(c)
        except RuntimeError as e:
            print("RuntimeError", e)
        c.close()
    asyncio.run(nested())
    try:
        asyncio.run(5)
    except ValueError as e:
        print("ValueError", e)


def policies():
    policy = asyncio.get_event_loop_policy()
    print(type(policy).__name__, policy is asyncio.get_event_loop_policy())
    loop = policy.get_event_loop()
    print(type(loop).__name__, policy.get_event_loop() is loop)
    try:
        policy.set_event_loop(5)
    except TypeError as e:
        print("TypeError", e)
    policy.set_event_loop(None)
    try:
        policy.get_event_loop()
    except RuntimeError as e:
        print("RuntimeError", e)
    loop.close()
    try:
        asyncio.set_event_loop_policy(5)
    except TypeError as e:
        print("TypeError", e)
    asyncio.set_event_loop_policy(None)
    fresh = asyncio.get_event_loop_policy()
    print(fresh is policy, type(fresh).__name__)

    class Custom(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self):
            print("custom new_event_loop")
            return super().new_event_loop()
    asyncio.set_event_loop_policy(Custom())
    print(asyncio.run(answer()))
    asyncio.set_event_loop_policy(None)

    def in_thread():
        try:
            asyncio.get_event_loop_policy().get_event_loop()
        except RuntimeError as e:
            print("thread:", e)
    th = threading.Thread(target=in_thread, name="W")
    th.start()
    th.join()


def coroutine_functions():
    def plain():
        pass

    class Marked:
        _is_coroutine = object()

    print(asyncio.iscoroutinefunction(answer), asyncio.iscoroutinefunction(plain),
          asyncio.iscoroutinefunction(Marked()), asyncio.iscoroutinefunction(5),
          asyncio.iscoroutinefunction(types.coroutine(plain)))


policies()
runners()
coroutine_functions()
