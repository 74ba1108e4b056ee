x = (a, b c)
