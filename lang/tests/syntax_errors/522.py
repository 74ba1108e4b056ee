match x:
    case int(x) if x > 1 if y: pass
