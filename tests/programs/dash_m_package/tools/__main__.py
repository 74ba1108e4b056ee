import sys
print("running", __name__, "spec", __spec__.name, "package", __package__)
print("argv", [a.rsplit("/", 2)[-2:] if a.endswith(".py") else a for a in sys.argv])
print("path0 is cwd:", sys.path[0] == __import__("os").getcwd())
print(sys.modules["__main__"].__spec__.name, "tools" in sys.modules, "tools.__main__" in sys.modules)
