match x:
    case None as y | True: pass
