from broken_a import value
thing = 2
