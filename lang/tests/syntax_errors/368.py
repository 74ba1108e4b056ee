s = "He said "hi""
