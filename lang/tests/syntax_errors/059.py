foo(a b)
z = (
