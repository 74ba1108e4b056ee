def g(s, n):
    return s + n


g("""multi
line""", 3)
