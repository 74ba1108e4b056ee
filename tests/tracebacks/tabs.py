def f(a):
	if a:
		return a + "x"


f(3)
