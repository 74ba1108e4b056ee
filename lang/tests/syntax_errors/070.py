print(1)
foo(
  1,
  2
bar()
