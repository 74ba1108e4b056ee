match x:
    case {1e300*10: 1}: pass
