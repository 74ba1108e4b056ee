x = 1 \ y
z = 2
