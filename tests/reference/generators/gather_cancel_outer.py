# Cancelling a gather cancels its children with the message; awaiting it
# raises CancelledError, even when a child swallowed its cancellation and
# returned, and even with return_exceptions=True. The gather then holds a
# CancelledError as its exception rather than being cancelled.
import asyncio


def msg(e):
    return repr(e.args[0]) if e.args else 'no message'


async def child(name, swallow=False):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f'{name}: cancelled with', msg(e), '; swallows:', swallow)
        if not swallow:
            raise
    return name


async def main():
    g = asyncio.gather(child('a'), child('b'))
    await asyncio.sleep(0)
    print('main: cancel() ->', g.cancel('stop them'), 'again ->', g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print('main: gather raised CancelledError with', msg(e))
    print('main: cancelled()', g.cancelled(), 'done()', g.done())

    g = asyncio.gather(child('c', swallow=True), child('d'),
                       return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel()
    try:
        print('main: got', await g)
    except asyncio.CancelledError as e:
        print('main: second gather raised CancelledError with', msg(e))

    g = asyncio.gather(child('e', swallow=True))
    await asyncio.sleep(0)
    g.cancel('only child swallows')
    try:
        print('main: got', await g)
    except asyncio.CancelledError as e:
        print('main: third gather raised CancelledError with', msg(e))


asyncio.run(main())
