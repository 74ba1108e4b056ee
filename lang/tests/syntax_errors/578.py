match x:
    case P(a b): pass
