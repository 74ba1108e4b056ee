match x:
    case (1, 2) as y as z: pass
