def f() x:
  pass
