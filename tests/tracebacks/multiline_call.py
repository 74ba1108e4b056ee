def boom(a, b):
    raise ValueError(a + b)


x = [1,
     boom(
         "a",
         "b",
     )]
