eager = "eager"


def __getattr__(name):
    if name.startswith("computed") or name == "made_on_demand":
        return f"<{name} computed>"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r} (custom)")
