# A task may await only futures of its own loop: awaiting a pending future
# of another loop raises RuntimeError in the task on its loop's next
# iteration; a done one is simply read (no yield, no check).
import asyncio

loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()


async def main():
    foreign = other.create_future()
    loop.call_soon(print, 'callback queued before the await')
    try:
        await foreign
    except RuntimeError as e:
        print('RuntimeError ends with "attached to a different loop":',
              str(e).endswith('attached to a different loop'))
    print('foreign future still pending:', not foreign.done())
    done = other.create_future()
    done.set_result('read at once')
    print(await done)
    return 'main went on'


print(loop.run_until_complete(main()))
other.close()
loop.close()
