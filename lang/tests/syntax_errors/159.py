with a:
z
