match x:
    case P(a=): pass
