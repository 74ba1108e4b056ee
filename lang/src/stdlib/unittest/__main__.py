# `towel -m unittest`: runs the tests named on the command line, or
# discovers them.

import sys

# Usage messages name the command (`towel -m unittest`) rather than the
# module's file; towel's unittest is built in, so there is always one to
# replace.
import os.path
sys.argv[0] = os.path.basename(sys.executable) + " -m unittest"
del os

__unittest = True

from unittest.main import main

main(module=None)
