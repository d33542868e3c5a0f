# The children of gather() and of a TaskGroup, and their own children, each
# run in a copy of their parent's context when it created them: values flow
# down, never up nor sideways.
import asyncio
import contextvars

depth = contextvars.ContextVar('depth', default=0)
path = contextvars.ContextVar('path', default='root')


async def node(name, levels):
    depth.set(depth.get() + 1)
    path.set(path.get() + '/' + name)
    await asyncio.sleep(0)
    if levels > 0:
        kids = await asyncio.gather(node(name + 'a', levels - 1),
                                    node(name + 'b', levels - 1))
    else:
        kids = []
    print(f'{path.get()} depth {depth.get()}')
    return [path.get()] + [k for ks in kids for k in ks]


async def main():
    path.set('main')
    print('gather:', await asyncio.gather(node('x', 1), node('y', 0)))
    print('main after gather:', path.get(), depth.get())
    async with asyncio.TaskGroup() as tg:
        path.set('group')
        t1 = tg.create_task(node('p', 1))
        path.set('group-2')
        t2 = tg.create_task(node('q', 0))
    print('taskgroup:', t1.result(), t2.result())
    print('main after the group:', path.get(), depth.get())


asyncio.run(main())
