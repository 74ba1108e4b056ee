result = f(1, 2
print(result)
