a: int, b: int = 1
