# difflib: SequenceMatcher's blocks and ratios, and every kind of delta,
# on fixed inputs and on random ones (random is CPython's generator, so
# both interpreters see the same sequences).
import difflib
import random

a = "one\ntwo\nthree\nfour\nfive\nsix\n".splitlines(keepends=True)
b = "zero\none\ntree\nfour\nfive!\nsix\nseven\n".splitlines(keepends=True)

print("".join(difflib.ndiff(a, b)), end="")
print("".join(difflib.unified_diff(a, b, "before.txt", "after.txt", "2024-01-01", "2024-01-02")), end="")
print("".join(difflib.context_diff(a, b, "before.txt", "after.txt")), end="")
print(list(difflib.unified_diff(a, b, n=0, lineterm="")))
print(list(difflib.context_diff(a, a)))
print("".join(difflib.restore(difflib.ndiff(a, b), 1)) == "".join(a))
print("".join(difflib.restore(difflib.ndiff(a, b), 2)) == "".join(b))

s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks())
print(s.get_opcodes())
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio())
print(s.find_longest_match(0, 5, 0, 4), s.find_longest_match())
print(list(difflib.SequenceMatcher(None, "private Thread currentThread;",
                                   "private volatile Thread currentThread;").get_grouped_opcodes(2)))
junk = difflib.SequenceMatcher(lambda c: c == " ", " abcd", "abcd abcd")
print(junk.find_longest_match(0, 5, 0, 9), junk.bjunk)
long_b = "ab" * 150 + "c"
auto = difflib.SequenceMatcher(None, "abc", long_b)
print(sorted(auto.bpopular), auto.ratio())
print(difflib.SequenceMatcher(None, "abc", long_b, autojunk=False).ratio())

print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "whale", "hello", "heel"], n=2, cutoff=0.5))
for bad in ({"n": 0}, {"cutoff": 1.5}):
    try:
        difflib.get_close_matches("x", ["y"], **bad)
    except ValueError as e:
        print("ValueError:", e)

d = difflib.Differ()
print("".join(d.compare(["\tindented tab\n", "same\n"], ["\tindented tap\n", "same\n", "new\n"])), end="")
print("".join(difflib.ndiff(["abcdefgh\n"], ["xbcdefgy\n"])), end="")
print("".join(difflib.ndiff(["1\n", "2\n", "3\n"], ["x\n", "2\n", "y\n"])), end="")
print(difflib.IS_LINE_JUNK("\n"), difflib.IS_LINE_JUNK("  #   \n"), difflib.IS_LINE_JUNK("hello\n"))
print(difflib.IS_CHARACTER_JUNK(" "), difflib.IS_CHARACTER_JUNK("\t"), difflib.IS_CHARACTER_JUNK("x"))
try:
    list(difflib.unified_diff([1], [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    list(difflib.restore([], 3))
except ValueError as e:
    print("ValueError:", e)

random.seed(2024)


def lines(count, alphabet):
    return ["".join(random.choice(alphabet) for _ in range(random.randint(0, 7))) + "\n" for _ in range(count)]


for _ in range(40):
    alphabet = random.choice(["ab", "abc ", "xy#\t "])
    first = lines(random.randint(0, 9), alphabet)
    second = list(first)
    for _ in range(random.randint(0, 4)):
        if second and random.random() < 0.4:
            del second[random.randrange(len(second))]
        else:
            second.insert(random.randint(0, len(second)), lines(1, alphabet)[0])
    print("".join(difflib.ndiff(first, second)), end="")
    print("".join(difflib.unified_diff(first, second, n=1)), end="")
    m = difflib.SequenceMatcher(None, "".join(first), "".join(second))
    print(m.get_opcodes(), round(m.ratio(), 6))
