fs = [lambda x: x / 0]
print(list(map(fs[0], [1])))
