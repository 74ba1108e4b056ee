# timeit's command line: bad options, a unit it does not know, help, and the
# process-time timer.
import timeit

print(timeit.main(["--bogus"]))
print(timeit.main(["-u", "fortnights", "pass"]))
print(timeit.main(["-h"]))
print(timeit.main(["-n", "5", "-r", "2", "-p", "pass"]) is None)
