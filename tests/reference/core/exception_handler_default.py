# With the default handler, a callback's exception is logged to stderr (not
# stdout) and the loop keeps going; a handler that raises is itself logged.
import asyncio

loop = asyncio.new_event_loop()


def boom():
    print('boom raises')
    raise ValueError('to stderr')


def bad_handler(handler_loop, context):
    print('bad handler called for:', type(context.get('exception')).__name__)
    raise RuntimeError('the handler fails too')


print('default handler:', loop.get_exception_handler())
loop.call_soon(boom)
loop.call_soon(print, 'next callback runs')
loop.call_soon(loop.stop)
loop.run_forever()

loop.set_exception_handler(bad_handler)
loop.call_soon(boom)
loop.call_soon(print, 'still running after the handler raised')
loop.call_soon(loop.stop)
loop.run_forever()

loop.set_exception_handler(None)
print('reset to default:', loop.get_exception_handler())
loop.call_soon(boom)
loop.call_soon(loop.stop)
loop.run_forever()
print('done')
loop.close()
