try:
    x = 1
    pass
# nothing handles it
