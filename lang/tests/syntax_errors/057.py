foo(a b
