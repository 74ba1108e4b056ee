match x:
    case not 1: pass
