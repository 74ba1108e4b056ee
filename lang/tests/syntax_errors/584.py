match x:
    case (,): pass
