# A cancelled call_soon handle never runs, even when a callback of the same
# iteration cancels it; cancel() twice is harmless.
import asyncio

loop = asyncio.new_event_loop()


def cb(name):
    print(f'{name} runs')


def cancel_h3():
    print('cancel_h3: h3 is in this iteration, behind me')
    h3.cancel()
    h3.cancel()


h1 = loop.call_soon(cb, 'h1')
loop.call_soon(cancel_h3)
h2 = loop.call_soon(cb, 'h2')
h3 = loop.call_soon(cb, 'h3')
h2.cancel()
print('h2 cancelled:', h2.cancelled(), 'h1 cancelled:', h1.cancelled())
loop.call_soon(cb, 'h4')
loop.call_soon(loop.stop)
loop.run_forever()
print('first run done, h3 cancelled:', h3.cancelled())


def cancel_later():
    for h in later:
        h.cancel()


later = []
loop.call_soon(cancel_later)
later.append(loop.call_soon(cb, 'cancelled by the callback before it'))
later.append(loop.call_soon(cb, 'this one too'))
loop.call_soon(cb, 'not cancelled')
loop.call_soon(loop.stop)
loop.run_forever()
print('second run done')

h5 = loop.call_soon(cb, 'h5')
loop.call_soon(loop.stop)
loop.run_forever()
h5.cancel()
print('cancelled after it ran:', h5.cancelled())
loop.close()
