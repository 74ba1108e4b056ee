"""towel's regression-test helpers: the test.support package that CPython's
own test files import (written for towel from the documentation of CPython's
test package)."""
