match 1:
    case -1j + 1: pass
