match x:
    case {'k': _, **_}:
        pass
