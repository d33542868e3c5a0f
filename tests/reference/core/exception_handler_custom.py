# A callback that raises goes to the exception handler, with the context
# asyncio builds, and the loop keeps going. Python adds " at FILE:LINE"
# after the callback in the message: it is removed before printing.
import asyncio
import re

loop = asyncio.new_event_loop()


def norm(text):
    return re.sub(r' at [^ ]+:[0-9]+', '', text)


def handler(handler_loop, context):
    print('handler: loop is ours:', handler_loop is loop)
    print('handler: message:', norm(context['message']))
    print('handler: prefix:', context['message'].startswith('Exception in callback'))
    print('handler: exception:', repr(context.get('exception')))
    print('handler: keys:', sorted(context))
    if 'handle' in context:
        print('handler: handle type:', type(context['handle']).__name__)


def boom(x):
    print(f'boom({x}) runs')
    raise ValueError(f'bad {x}')


def failing(fut):
    raise ValueError(f'done callback saw {fut.result()}')


loop.set_exception_handler(handler)
print('handler set:', loop.get_exception_handler() is handler)
loop.call_soon(boom, 1)
loop.call_soon(print, 'the loop keeps going')
loop.call_later(0.01, boom, 'timer')
fut = loop.create_future()
fut.add_done_callback(failing)


def stage2():
    fut.set_result('r')
    loop.call_later(0.01, stage3)


def stage3():
    loop.call_exception_handler({'message': 'by hand'})
    loop.call_soon(loop.stop)


loop.call_later(0.02, stage2)
loop.run_forever()
print('after the run')
loop.close()
