match x:
    case *: pass
