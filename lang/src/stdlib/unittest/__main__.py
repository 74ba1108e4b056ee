# `towel -m unittest`: runs the tests named on the command line, or
# discovers them.

import sys

if sys.argv[0].endswith("__main__.py") or sys.argv[0] in ("-m", ""):
    # Usage messages name the command: `towel -m unittest`.
    import os.path
    sys.argv[0] = os.path.basename(sys.executable) + " -m unittest"
    del os

__unittest = True

from unittest.main import main

main(module=None)
