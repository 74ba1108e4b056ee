match x:
    case 1 if x, y: pass
