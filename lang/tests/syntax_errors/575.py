match x:
    case print x: pass
