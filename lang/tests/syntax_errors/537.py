match x:
    case P(*k): pass
