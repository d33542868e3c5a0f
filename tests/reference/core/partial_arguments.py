# functools.partial: bound positional and keyword arguments, call-time
# keywords that add to or override them, and partials of partials that
# flatten into one.
import functools


def f(a, b, c, *, n=0, m=0):
    return f'a={a} b={b} c={c} n={n} m={m}'


def show(label, p):
    args = ', '.join(repr(x) for x in p.args)
    keywords = ', '.join(f'{k}={v!r}' for k, v in sorted(p.keywords.items()))
    print(f'{label}: func={p.func.__name__} args=[{args}] keywords=[{keywords}]')


p1 = functools.partial(f, 1)
print(p1(2, 3))
show('p1', p1)
p2 = functools.partial(f, 1, 2, n=5)
print(p2(3))
print(p2(3, n=6))
print(p2(3, m=7))
show('p2', p2)
p3 = functools.partial(functools.partial(f, 1), 2)
print(p3(3))
show('p3', p3)
print('p3 flattened:', p3.func is f)
p4 = functools.partial(functools.partial(f, 1, n=1), 2, m=2)
print(p4(3))
show('p4', p4)
p5 = functools.partial(p4, n=9)
print(p5(3))
show('p5', p5)
p6 = functools.partial(f, n=1)
print(p6(1, 2, 3, n=9))
show('p6', p6)
p7 = functools.partial(f)
print(p7('x', 'y', 'z'))
show('p7', p7)
