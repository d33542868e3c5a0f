# Five workers interleave, each with its own value of the same variable,
# across sleep(0) rounds and timers; a coroutine awaited directly runs in
# its caller's context, so what it sets is the caller's.
import asyncio
import contextvars

worker_id = contextvars.ContextVar('worker_id')
trail = contextvars.ContextVar('trail', default=())


async def step(label):
    trail.set(trail.get() + (label,))
    await asyncio.sleep(0)


async def worker(i):
    worker_id.set(i)
    for r in range(3):
        await asyncio.sleep(0)
        print(f'worker {i} round {r} sees', worker_id.get())
        await step(f'{i}.{r}')
    await asyncio.sleep(0.01 * (5 - i))
    print(f'worker {i} after its timer sees', worker_id.get(), trail.get())
    return worker_id.get()


async def main():
    print('main: results', await asyncio.gather(*(worker(i) for i in range(5))))
    try:
        worker_id.get()
    except LookupError:
        print('main: worker_id is not set here')
    print('main: trail', trail.get())


asyncio.run(main())
