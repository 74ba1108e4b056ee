x = (yield)
 = 1
