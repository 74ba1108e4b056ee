# The compiler rejects a case that makes the next ones unreachable.
print("never printed")
match 1:
    case x:
        pass
    case 2:
        pass
