import attr_cycle
print(attr_cycle.later)
