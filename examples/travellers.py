# Two travellers leave at different times and arrive in time order.
# Run it with: towel examples/travellers.py
#
# Each traveller waits until departure, then travels; the event loop's timers
# fire in deadline order, so arrivals print in the order they happen.
import asyncio


async def traveller(name, leaves_at, journey):
    await asyncio.sleep(leaves_at)
    print(f"{name} leaves at t={leaves_at:.2f}")
    await asyncio.sleep(journey)
    arrival = leaves_at + journey
    print(f"{name} arrives at t={arrival:.2f}")
    return name, arrival


async def main():
    arrivals = await asyncio.gather(
        traveller("Ada", 0.00, 0.25),
        traveller("Brendan", 0.10, 0.05),
    )
    first = min(arrivals, key=lambda a: a[1])
    print("first to arrive:", first[0])


asyncio.run(main())
