def fmt(cents):
    return f"${cents / 100:.2f}"
