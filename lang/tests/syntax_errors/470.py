while x < 10:
    x += 1
        print(x)
