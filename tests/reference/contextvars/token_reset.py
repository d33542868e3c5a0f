# Tokens: set() returns one with the old value (Token.MISSING when there
# was none); reset() restores it once, only in the context it was made in
# and only by its own variable.
import asyncio
import contextvars

v = contextvars.ContextVar('v')
w = contextvars.ContextVar('w', default='w-default')


def attempt(label, fn):
    try:
        fn()
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__)


async def other_task(token):
    attempt('reset in another task:', lambda: v.reset(token))
    t = v.set('in task')
    return t


async def main():
    t1 = v.set(1)
    print('t1.var is v:', t1.var is v, 'old is MISSING:', t1.old_value is contextvars.Token.MISSING)
    t2 = v.set(2)
    print('t2.old_value:', t2.old_value, 'v =', v.get())
    attempt('reset t2 by w:', lambda: w.reset(t2))
    task_token = await asyncio.create_task(other_task(t2))
    attempt('reset the task\'s token here:', lambda: v.reset(task_token))
    v.reset(t2)
    print('after reset t2: v =', v.get())
    attempt('reset t2 again:', lambda: v.reset(t2))
    v.reset(t1)
    print('after reset t1: v =', v.get(None), 'in context:', v in contextvars.copy_context())
    tw = w.set('w1')
    w.reset(tw)
    print('w after reset:', w.get())
    attempt('get() of an unset variable:', lambda: v.get())


asyncio.run(main())
