match x:
    case 1 - - 1j: pass
