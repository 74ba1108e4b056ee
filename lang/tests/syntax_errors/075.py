x y = 1
