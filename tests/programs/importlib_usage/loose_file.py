def greet(who):
    return f"hello from {__name__} to {who}"
