match x:
    case 1:
        pass
match x:
    pass
