class Box:
    def take(self, n):
        return self.items[n]

    def __init__(self):
        self.items = [1, 2]


def run(b):
    total = 0
    total += b.take(0) + b.take(5)
    return total


print(run(Box()))
