# get_event_loop(), set_event_loop() and Future() without a loop: the
# running loop first, else the current loop, created on first use.
import asyncio


def attempt(label, fn):
    try:
        value = fn()
    except RuntimeError as e:
        print(f'{label}: RuntimeError: {str(e).startswith("There is no current event loop")}')
    else:
        print(f'{label}: returned')
        return value


loop = asyncio.get_event_loop()
print('same loop twice:', asyncio.get_event_loop() is loop)
fut = asyncio.Future()
print('Future() binds to it:', fut.get_loop() is loop)
other = asyncio.new_event_loop()
print('new_event_loop() does not change it:', asyncio.get_event_loop() is loop)


def inside():
    print('inside other: get_event_loop is other:',
          asyncio.get_event_loop() is other)
    print('get_running_loop is other:', asyncio.get_running_loop() is other)
    print('Future() binds to the running loop:',
          asyncio.Future().get_loop() is other)


other.call_soon(inside)
other.call_soon(other.stop)
other.run_forever()
print('after the run, current again:', asyncio.get_event_loop() is loop)
asyncio.set_event_loop(other)
print('set_event_loop(other):', asyncio.get_event_loop() is other)
asyncio.set_event_loop(None)
attempt('get_event_loop after set_event_loop(None)', asyncio.get_event_loop)
attempt('Future() after set_event_loop(None)', asyncio.Future)
print('loop.create_future() still works:',
      loop.create_future().get_loop() is loop)
other.call_soon(inside)
other.call_soon(other.stop)
other.run_forever()
asyncio.set_event_loop(loop)
print('set back:', asyncio.get_event_loop() is loop)
other.close()
loop.close()
print('a closed loop stays current:', asyncio.get_event_loop() is loop)
