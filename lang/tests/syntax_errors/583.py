match x:
    case [,]: pass
