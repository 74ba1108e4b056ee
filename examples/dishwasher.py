# A dishwasher runs while its owner does other chores.
# Run it with: towel examples/dishwasher.py
#
# Starting the dishwasher is create_task: it runs in the background while the
# owner's own coroutine carries on, and the owner awaits it only at the end.
import asyncio


async def dishwasher(loads):
    for n in range(1, loads + 1):
        print(f"  dishwasher: washing load {n}")
        await asyncio.sleep(0.2)
    print("  dishwasher: done, beeping")
    return loads


async def chore(name, minutes):
    print(f"owner: {name}")
    await asyncio.sleep(minutes / 100)


async def main():
    washing = asyncio.create_task(dishwasher(3))
    await asyncio.sleep(0)
    await chore("vacuums the living room", 8)
    await chore("waters the plants", 8)
    await chore("folds the laundry", 8)
    print("owner: waits for the dishwasher")
    loads = await washing
    print(f"owner: unloads {loads} loads of clean dishes")


asyncio.run(main())
