import sys
import helper
print(__name__, __spec__.name, sys.argv, helper.NAME)
print(sys.path[0].endswith("/app"))
