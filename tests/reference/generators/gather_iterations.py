# The iterations gather() takes, against a ticker: the gather is done one
# iteration after its last child, and the task awaiting it resumes one
# iteration later; children given as coroutines start one iteration after
# the gather() call; a failure reaches the awaiting task the same way.
import asyncio


def tick(loop, n):
    print(f'-- tick {n}')
    if n < 12:
        loop.call_soon(tick, loop, n + 1)


async def child(name, steps, fail=False):
    print(f'{name}: starts')
    for _ in range(steps):
        await asyncio.sleep(0)
    print(f'{name}: ends')
    if fail:
        raise ValueError(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    g = asyncio.gather(child('a', 2), child('b', 0))
    g.add_done_callback(lambda g: print('gather done callback'))
    print('main: awaits the gather')
    print('main: got', await g)
    try:
        await asyncio.gather(child('c', 1, fail=True), child('d', 3))
    except ValueError as e:
        print('main: gather raised', repr(e))
    print('main: done')


asyncio.run(main())
