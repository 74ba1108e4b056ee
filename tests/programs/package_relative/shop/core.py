VALUE = 42
print("core loaded as", __name__, "package", __package__)
