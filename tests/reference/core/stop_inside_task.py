# A task that stops the loop is left pending ("Event loop stopped before
# Future completed."); running the loop again resumes it where it waits.
import asyncio

loop = asyncio.new_event_loop()
gate = loop.create_future()


async def main():
    print('main: stops the loop, then awaits gate')
    loop.stop()
    loop.call_soon(print, 'callback scheduled by main before the await')
    value = await gate
    print(f'main: resumed with {value}')
    return 'main done'


task = loop.create_task(main())
try:
    loop.run_until_complete(task)
except RuntimeError as e:
    print('RuntimeError:', e)
print('task done:', task.done())
loop.call_soon(gate.set_result, 'the gate')
print(loop.run_until_complete(task))
loop.close()
