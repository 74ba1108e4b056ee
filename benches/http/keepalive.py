# 2,000 GET requests over keep-alive through httpx.AsyncClient to the
# server given by port: one after another, then 10 at a time (a Semaphore
# in a TaskGroup, as in the talk). Prints requests per second of each.
# Usage: INTERPRETER keepalive.py PORT   (run.sh starts the server)
import asyncio
import sys
import time

import httpx

REQUESTS = 2000


async def sequential(client, url):
    for _ in range(REQUESTS):
        response = await client.get(url)
        assert response.status_code == 200


async def ten_at_a_time(client, url):
    limit = asyncio.Semaphore(10)

    async def one():
        async with limit:
            response = await client.get(url)
            assert response.status_code == 200

    async with asyncio.TaskGroup() as group:
        for _ in range(REQUESTS):
            group.create_task(one())


async def main(port):
    url = f'http://127.0.0.1:{port}/item'
    async with httpx.AsyncClient() as client:
        await client.get(url)  # warm up: open the first connection
        for name, run in (('sequential', sequential), ('10 at a time', ten_at_a_time)):
            start = time.perf_counter()
            await run(client, url)
            took = time.perf_counter() - start
            print(f'{name:>13}: {REQUESTS} requests in {took:.3f} s '
                  f'({REQUESTS / took:,.0f} requests/s)')


asyncio.run(main(int(sys.argv[1])))
