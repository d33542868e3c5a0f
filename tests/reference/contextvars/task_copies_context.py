# A task runs in a copy of the context current when it was created: what
# its creator sets afterwards is not seen, and what the task sets stays its
# own. asyncio.run() runs main in a copy of the top-level context.
import asyncio
import contextvars

request = contextvars.ContextVar('request', default='none')


async def child(name):
    print(f'{name}: starts with', request.get())
    request.set(name)
    await asyncio.sleep(0.01)
    print(f'{name}: after sleep', request.get())
    return request.get()


async def main():
    print('main: starts with', request.get())
    request.set('main')
    a = asyncio.create_task(child('a'))
    request.set('main-2')
    b = asyncio.create_task(child('b'))
    await asyncio.sleep(0)
    print('main: after the children started', request.get())
    print('main: results', await a, await b)
    print('main: ends with', request.get())
    request.set('main-3')


print('top: starts with', request.get())
request.set('top')
asyncio.run(main())
print('top: ends with', request.get())
