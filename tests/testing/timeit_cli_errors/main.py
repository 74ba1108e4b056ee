# timeit's command line: bad options, a unit it does not know, help, and the
# process-time timer. (Its "results are likely unreliable" warning depends
# on the machine's load, so warnings are silenced to keep the output fixed.)
import timeit
import warnings

warnings.simplefilter("ignore")

print(timeit.main(["--bogus"]))
print(timeit.main(["-u", "fortnights", "pass"]))
print(timeit.main(["-h"]))
print(timeit.main(["-n", "5", "-r", "2", "-p", "pass"]) is None)
