import attr_other
later = 1
