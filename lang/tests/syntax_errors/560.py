match x:
    case [x.y, *z.w]: pass
