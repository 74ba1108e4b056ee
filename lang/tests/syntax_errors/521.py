match x:
    case (*b): pass
