import sys
from . import helper


def main(argv):
    return helper.shout(" ".join(argv))


if __name__ == "__main__":
    print(main(sys.argv[1:]))
    print(__name__, __package__, __spec__.name, __file__ == sys.argv[0])
    sys.exit(3)
