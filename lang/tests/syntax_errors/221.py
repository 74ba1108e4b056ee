print(a b
