match x:
    case a.b(c.d=1): pass
