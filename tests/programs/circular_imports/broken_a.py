from broken_b import thing
value = 1
