class A(B)
