class Grid:
    def __getitem__(self, key):
        r, c = key
        return [[0]][r][c]


g = Grid()
print(g[0, 0])
print(g[1, 0])
