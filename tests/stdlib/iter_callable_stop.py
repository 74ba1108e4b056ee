# iter(callable, sentinel) ends at the sentinel, or when the callable raises
# StopIteration, and is exhausted from then on; other errors propagate.
calls = [0]


def counter():
    calls[0] += 1
    if calls[0] == 3:
        raise StopIteration
    return calls[0]


it = iter(counter, None)
print(list(it), list(it), calls)

print(list(iter(iter([5, 6, 7, 0, 8]).__next__, 0)))


def stops():
    raise StopIteration('done')


print(list(iter(stops, 1)))
words = iter(['a', 'b'])
print(list(iter(lambda: next(words), 'never')))


def fails():
    raise ValueError('bad call')


try:
    list(iter(fails, 0))
except ValueError as e:
    print('ValueError:', e)
print(type(iter(counter, 1)).__name__)
