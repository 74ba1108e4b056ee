x = 3.14abc
