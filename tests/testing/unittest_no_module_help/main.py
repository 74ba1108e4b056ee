# What `-m unittest` runs (a TestProgram without a module), under this
# script's name so that the usage lines do not name the interpreter.
import unittest

unittest.main(module=None)
