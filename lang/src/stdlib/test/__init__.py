"""towel's regression-test helpers: the test.support package that CPython's
own test files import (written for towel from the documentation of CPython's
test package).

CPython's test files themselves are not part of towel. A folder named
`test` on sys.path that holds them (say, a copy of CPython's
`Lib/test/test_asyncio`) widens this package, so that
`towel -m test.test_asyncio.test_tasks` finds them beside towel's
`test.support`."""

from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)
del extend_path
