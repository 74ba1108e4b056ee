match x:
    case 1 if x else y: pass
