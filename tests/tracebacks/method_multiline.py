class S:
    def add(self, *xs):
        return sum(xs)


s = S()
s.add(
    1,
    "two",
)
