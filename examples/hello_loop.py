# Hello world with an explicit event loop: what asyncio.run does for you.
# Run it with: towel examples/hello_loop.py
#
# new_event_loop() makes a loop; run_until_complete() wraps the coroutine in
# a Task and runs the loop until that task is done; close() releases it.
import asyncio


async def greet(name):
    await asyncio.sleep(0.05)
    print(f"Hello, {name}!")
    return len(name)


loop = asyncio.new_event_loop()
try:
    print("running:", loop.is_running(), "closed:", loop.is_closed())
    n = loop.run_until_complete(greet("world"))
    print("greet returned", n)
    task = loop.create_task(greet("again"))
    print("task done before running the loop:", task.done())
    loop.run_until_complete(task)
    print("task done after:", task.done(), "result:", task.result())
finally:
    loop.close()
print("closed:", loop.is_closed())
