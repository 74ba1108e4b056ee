match x:
    case ,: pass
