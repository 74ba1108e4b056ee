print(exit)
print(repr(quit))
print(type(exit).__name__, type(exit).__module__)
print(callable(exit))
try:
    exit(3)
except SystemExit as e:
    print("code", e.code)
try:
    quit()
except SystemExit as e:
    print("code", e.code)
try:
    exit(code="x")
except SystemExit as e:
    print("code", e.code)
try:
    exit(1, 2)
except TypeError as e:
    print(e)
