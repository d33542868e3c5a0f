# Task.get_stack() and print_stack(), by their shape (JavaScript has no
# frames of a suspended coroutine, so only the shape compares): a task not
# started yet, or suspended, has one frame, its coroutine's; one that
# finished with a result, or was cancelled, has none; a failed one has the
# frames of its exception, the newest its coroutine's. print_stack() begins
# "Stack for", "No stack for" or "Traceback for" and ends a failed task's
# with its exception.
import asyncio
import io


class Boom(Exception):
    pass


def shape(label, task):
    frames = task.get_stack()
    newest = frames[-1].f_code.co_name if frames else None
    out = io.StringIO()
    task.print_stack(file=out)
    lines = out.getvalue().splitlines()
    head = lines[0].split(' <')[0]
    failed = not task.cancelled() and task.done() and task.exception()
    tail = lines[-1] if failed else ''
    if not failed:
        print(f'{label}: {len(frames)} frame(s), newest {newest}; {head!r}')
    else:
        print(f'{label}: newest frame {newest}; {head!r} ... {tail!r}')


async def waiting(fut):
    await fut


async def done():
    return 42


async def failing():
    await asyncio.sleep(0)
    raise Boom('boom')


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    a = asyncio.create_task(waiting(fut))
    shape('not started', a)
    await asyncio.sleep(0)
    shape('suspended', a)
    b = asyncio.create_task(done())
    c = asyncio.create_task(failing())
    d = asyncio.create_task(waiting(loop.create_future()))
    await asyncio.sleep(0)
    d.cancel()
    fut.set_result(None)
    await asyncio.wait([a, b, c, d])
    shape('finished', b)
    shape('cancelled', d)
    shape('failed', c)
    shape('finished after awaiting', a)


asyncio.run(main())
