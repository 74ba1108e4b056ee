# PYTHONASYNCIODEBUG puts new event loops in debug mode; asyncio.run(debug=False) overrides it.
import asyncio
import sys


async def main():
    return asyncio.get_running_loop().get_debug()


print(sys.flags.dev_mode, asyncio.run(main()), asyncio.run(main(), debug=False))
loop = asyncio.new_event_loop()
print(loop.get_debug())
loop.set_debug(False)
print(loop.get_debug())
loop.close()
