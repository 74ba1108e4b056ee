items = [
    1,
    \
