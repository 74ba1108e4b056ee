# An error raised while matching propagates like any other.
class Plain:
    pass


match Plain():
    case Plain(1):
        print("never")
