class K:
    x = 1
    y = x + None


print(K)
