def f(m):
    return m[ "a" ] [ "b" ]


f({"a": {}})
