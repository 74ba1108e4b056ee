match x:
    case a if b else c: pass
