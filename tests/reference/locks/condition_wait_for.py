# wait_for(predicate) checks the predicate first, waits until a
# notification makes it true, and returns its (truthy) value; a consumer
# and a producer share the condition's lock.
import asyncio


async def consumer(cond, items, name):
    calls = 0

    def ready():
        nonlocal calls
        calls += 1
        return items.pop(0) if items else None

    async with cond:
        item = await cond.wait_for(ready)
    print(f'{name}: got {item!r} after {calls} checks')
    return item


async def main():
    cond = asyncio.Condition()
    items = ['ready']
    print('main: at once ->', await consumer(cond, items, 'first'))
    c = [asyncio.create_task(consumer(cond, items, n)) for n in ('x', 'y')]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
        print('main: notified without items')
    await asyncio.sleep(0)
    for item in (1, 2):
        async with cond:
            items.append(item)
            cond.notify()
            print(f'main: put {item}')
        await asyncio.sleep(0)
    print('main:', await asyncio.gather(*c))


asyncio.run(main())
