match x:
    case 0b1 + 0o1j: pass
