foo(a, b
x
