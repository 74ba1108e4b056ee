def cell(xs, i, j):
    return xs[i][j]


xs = [[1, 2], [3]]
print(cell(xs, 0, 1))
print(cell(xs, 1, 1))
