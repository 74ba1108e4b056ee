[1 for 1 in x]
