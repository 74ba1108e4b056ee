x = 1e1e1
