# TaskGroup failures caught with except*.
# Run it with: towel examples/taskgroup_errors.py
#
# When a task in a group fails, the group cancels the others and raises an
# ExceptionGroup of every failure; except* picks them out by type.
import asyncio


async def fly(name, delay, fail_with=None):
    try:
        await asyncio.sleep(delay)
        if fail_with is not None:
            raise fail_with
        print(f"{name} arrived")
    except asyncio.CancelledError:
        print(f"{name} was called back")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fly("Corvus", 0.05))
            tg.create_task(fly("Hugin", 0.1, ValueError("Hugin lost a feather")))
            tg.create_task(fly("Munin", 0.1, KeyError("Munin forgot the way")))
            tg.create_task(fly("Lenore", 0.5))
    except* ValueError as group:
        print("ValueErrors:", [str(e) for e in group.exceptions])
    except* KeyError as group:
        print("KeyErrors:", [repr(e) for e in group.exceptions])
    print("main carries on")


asyncio.run(main())
