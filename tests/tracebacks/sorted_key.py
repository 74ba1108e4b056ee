def key(x):
    return x["id"]


rows = [{"id": 2}, {"name": 1}]
print(sorted(rows, key=key))
