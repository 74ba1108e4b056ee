match x:
    case 'a' if (x = 1): pass
