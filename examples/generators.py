# A generator whose step is changed with send(): the "jumping range".
# Run it with: towel examples/generators.py
#
# Each `yield` suspends the generator's frame; `send(v)` resumes it and
# makes the paused `yield` expression evaluate to v.


def jumping_range(upto):
    """Count from 0 to upto; a value sent in becomes the new step."""
    index = 0
    step = 1
    while index < upto:
        jump = yield index
        if jump is not None:
            step = jump
        index += step


counter = jumping_range(20)
print(next(counter))        # 0
print(next(counter))        # 1
print(counter.send(5))      # step becomes 5: 6
print(next(counter))        # 11
print(counter.send(-3))     # step becomes -3: 8
print(next(counter))        # 5
print(counter.send(10))     # 15
try:
    next(counter)
except StopIteration:
    print("exhausted")
