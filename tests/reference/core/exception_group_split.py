# ExceptionGroup's exceptions, subgroup() and split(): the parts keep the
# nesting, the message and the cause; None where nothing matches; a nested
# group that matches goes whole; a derive() override makes the parts of its
# class; except* is split() underneath (the TypeScript form splits by
# hand), as for the failures of a TaskGroup.
import asyncio


class RuntimeFailure(Exception):
    pass


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(f'my {self.message}', excs)


def parts():
    eg = ExceptionGroup('top', [
        ValueError('1'),
        TypeError('2'),
        ExceptionGroup('inner', [ValueError('3'), KeyError('4')]),
    ])
    eg.__cause__ = RuntimeFailure('cause')
    print(len(eg.exceptions), repr(eg.exceptions[0]))
    print('subgroup ValueError:', repr(eg.subgroup(ValueError)))
    print('subgroup (TypeError, KeyError):',
          repr(eg.subgroup((TypeError, KeyError))))
    print('subgroup OSError:', eg.subgroup(OSError))
    match, rest = eg.split(ValueError)
    print('split match:', repr(match))
    print('split rest:', repr(rest))
    print('causes:', repr(match.__cause__), repr(rest.__cause__))
    print('whole group is itself:', eg.subgroup(lambda e: True) is eg)
    inner, others = eg.split(
        lambda e: isinstance(e, ExceptionGroup) and e.message == 'inner')
    print('inner whole:', repr(inner), inner.exceptions[0] is eg.exceptions[2])
    print('others:', repr(others))
    seen = []
    eg.subgroup(lambda e: seen.append(type(e).__name__))
    print('predicate saw:', seen)
    mine = MyGroup('g', [ValueError('1'), TypeError('2')])
    print('derived:', [repr(part) for part in mine.split(ValueError)])
    try:
        raise eg
    except* ValueError as e:
        print('except* ValueError:', repr(e))
    except* (TypeError, KeyError) as e:
        print('except* TypeError, KeyError:', repr(e))


async def failing(error):
    await asyncio.sleep(0)
    raise error


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing(ValueError('a')))
            tg.create_task(failing(KeyError('b')))
            tg.create_task(failing(ValueError('c')))
    except* ValueError as e:
        print('group ValueError:', repr(e))
    except* KeyError as e:
        print('group KeyError:', repr(e))


parts()
asyncio.run(main())
