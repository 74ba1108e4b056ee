_ = 1
match _:
    case _.x: pass
