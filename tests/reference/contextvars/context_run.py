# Context objects: copy_context() snapshots, Context.run() nests and
# refuses a context that is already entered, and tasks created with the
# context= keyword (3.11) run in that very context and share its changes.
import asyncio
import contextvars

color = contextvars.ContextVar('color', default='none')


def show(label):
    print(label, color.get())


async def painter(name, delay):
    show(f'{name}: sees')
    await asyncio.sleep(delay)
    show(f'{name}: after sleep sees')
    color.set(name)


async def main():
    color.set('main')
    ctx = contextvars.copy_context()
    color.set('main-2')
    print('ctx has color:', color in ctx, 'value:', ctx[color], 'len:', len(ctx))

    def inner():
        show('inner: sees')
        color.set('inner')
        try:
            ctx.run(show, 'nested')
        except RuntimeError:
            print('nested run of ctx: RuntimeError')
        other = contextvars.Context()
        other.run(show, 'empty context:')
        return 'inner result'

    print('ctx.run returned', ctx.run(inner))
    show('main: after ctx.run')
    print('ctx now holds', ctx.get(color))

    shared = contextvars.copy_context()
    a = asyncio.create_task(painter('red', 0.01), context=shared)
    b = asyncio.create_task(painter('blue', 0.02), context=shared)
    c = asyncio.create_task(painter('green', 0.03))
    await asyncio.gather(a, b, c)
    print('shared holds', shared.get(color))
    show('main: after the painters')

    async def enter_own():
        try:
            shared.run(show, 'never')
        except RuntimeError:
            print('entering its own context in a task: RuntimeError')
    await asyncio.create_task(enter_own(), context=shared)


asyncio.run(main())
