__all__ = ["exported", "also"]
exported = 1
also = 2
hidden = 3
_private = 4
