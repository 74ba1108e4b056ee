match x:
    case {'a': 1 'b': 2}: pass
