x = 1if 1 else 2
y = 0x1for
z = (1 2)
w = [0o7and 1]
print("never runs")
