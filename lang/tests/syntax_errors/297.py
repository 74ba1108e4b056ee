with f() as g(): pass
