import sys
events = []
def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno, arg if event == 'return' else None))
    return tracer

def add(a, b):
    c = a + b
    return c

def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += add(i, 1)
        else:
            pass
    while True:
        break
    return total

def gen():
    yield 1
    yield 2

def raiser():
    try:
        raise ValueError('x')
    except ValueError:
        pass
    return 'ok'

sys.settrace(tracer)
loop(3)
list(gen())
raiser()
sys.settrace(None)
for e in events:
    print(e)
print(sys.gettrace())

def local_only(frame, event, arg):
    if frame.f_code.co_name == 'add':
        def lt(frame, event, arg):
            print('local', event, frame.f_lineno)
            return lt
        return lt
    return None
sys.settrace(local_only)
add(3, 4)
loop(1)
sys.settrace(None)
