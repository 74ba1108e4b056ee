def reraiser():
    print("re-raising")
    raise


def work():
    try:
        return 1 // 0
    except ZeroDivisionError:
        reraiser()


work()
