# A number running into a keyword that may follow it (`1if`, `0x1for`) is a
# SyntaxWarning of the tokenizer in 3.11, shown with the source line.
x = 1if 1else 2
y = [0x1for x in ()]
z = 0o7or 1
w = 1_0and 2
v = 1.5in [1.5]
u = 1jif 1else 0
t = 0b1is 1
s = 1not in [2]
print(x, y, z, w, v, u, t, s)
