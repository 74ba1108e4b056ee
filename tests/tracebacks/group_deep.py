def nest(n):
    if n == 0:
        return ValueError("leaf")
    return ExceptionGroup(f"level {n}", [nest(n - 1)])


raise nest(12)
