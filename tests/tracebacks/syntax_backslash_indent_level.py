if 1:
    y = 1
\
  \
    y = 2
print(y)
