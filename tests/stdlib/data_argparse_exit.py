# argparse: an error that is not caught ends the program with status 2,
# the usage and the message on stderr.
import argparse
parser = argparse.ArgumentParser(prog="prog", description="exits on bad input")
parser.add_argument("count", type=int)
parser.add_argument("--mode", choices=["fast", "slow"])
print("parsing")
print(parser.parse_args(["3", "--mode", "fast"]))
parser.parse_args(["3", "--mode", "medium"])
print("not reached")
