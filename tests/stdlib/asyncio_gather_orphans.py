# gather() that fails while making its children leaves the children made so
# far running on their own: their errors are not reported as a gathering
# future's unretrieved exception (stderr is compared too). A TaskGroup on a
# custom loop whose create_task takes no keywords still works.
import asyncio
import gc


async def boom():
    raise ValueError('child')


class PlainLoop(asyncio.SelectorEventLoop):
    def create_task(self, coro):
        print('PlainLoop.create_task')
        return super().create_task(coro)


async def main():
    child = boom()
    try:
        asyncio.gather(child, 5)
    except TypeError as e:
        print('TypeError:', e)
    await asyncio.sleep(0.01)
    gc.collect()
    await asyncio.sleep(0)

    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(asyncio.sleep(0, 'slept'), name='named')
    print(t.get_name(), t.result())
    print('done')


loop = PlainLoop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
