class P:
    def __init__(self, x, *, y):
        self.x = x / y


p = P(1, y=0)
