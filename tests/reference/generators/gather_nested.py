# A gather of gathers: results nest; cancelling the outer gather cancels
# the inner gathers and through them every task, with the message; an
# inner failure without return_exceptions fails the outer gather while
# the other tasks go on.
import asyncio


def msg(e):
    return repr(e.args[0]) if e.args else 'no message'


async def leaf(name, steps, fail=False):
    try:
        for _ in range(steps):
            await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print(f'{name}: cancelled with', msg(e))
        raise
    if fail:
        print(f'{name}: raises')
        raise ValueError(f'{name} failed')
    return name


async def main():
    g = asyncio.gather(
        asyncio.gather(leaf('a', 1), leaf('b', 2)),
        asyncio.gather(leaf('c', 0)),
        leaf('d', 1))
    print('nested results:', await g)

    g = asyncio.gather(
        asyncio.gather(leaf('e', 50), leaf('f', 50)),
        leaf('g', 50))
    await asyncio.sleep(0)
    g.cancel('all of them')
    try:
        await g
    except asyncio.CancelledError as e:
        print('outer gather: CancelledError with', msg(e))

    tasks = [asyncio.create_task(leaf('h', 1, fail=True)),
             asyncio.create_task(leaf('i', 3))]
    g = asyncio.gather(asyncio.gather(*tasks), leaf('j', 2))
    try:
        await g
    except ValueError as e:
        print('outer gather raised', repr(e), '; i done:', tasks[1].done())
    print('i gives', await tasks[1])


asyncio.run(main())
