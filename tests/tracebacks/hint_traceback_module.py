import sys
import traceback

quantity = 4
try:
    quantty
except NameError:
    traceback.print_exc()
try:
    "text".uper()
except AttributeError as e:
    print(traceback.format_exception_only(type(e), e), file=sys.stderr)
    print("str:", e)
