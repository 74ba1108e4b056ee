match 1:
    case 1 + 1: pass
