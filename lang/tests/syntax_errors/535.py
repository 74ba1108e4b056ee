match x:
    case {1: 2, **r, **s}: pass
