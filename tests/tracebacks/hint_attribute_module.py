import math

try:
    math.sqr
except AttributeError as e:
    print("str() has no hint:", e)
print(math.sqr(4))
