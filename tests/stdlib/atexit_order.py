import atexit


def bye(name, punct="!"):
    print("bye", name + punct)


atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")


@atexit.register
def decorated():
    print("decorated")


def removed():
    print("never")


atexit.register(removed)
atexit.unregister(removed)


class Res:
    def __del__(self):
        print("Res finalized")


r = Res()
print("end of script")
