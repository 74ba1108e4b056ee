if x
    y
