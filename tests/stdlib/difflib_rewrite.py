# difflib written afresh: junk and autojunk (the 200-item / 1% popularity rule,
# extension over popular then junk elements), grouped opcodes, the ratios,
# Differ's choice of the closest pair and its '?' guides, unified and context
# ranges, diff_bytes, get_close_matches ordering and the error messages.
import difflib
from difflib import SequenceMatcher


def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


for a, b, junk in [
    ("abcd", "bcde", None),
    ("qabxcd", "abycdf", None),
    (" abcd", "abcd abcd", lambda c: c == " "),
    ("a b c d", "a  b  c  d", lambda c: c == " "),
    ("xxxabcxxx", "abc", None),
    ("", "", None),
    ("", "abc", None),
    ("abc", "", None),
    ("aaaa", "aa", None),
    ("ab ab", "ba ba", lambda c: c in "ab"),
    (list("the quick brown fox"), list("the quack brown fix"), None),
    ([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], None),
]:
    s = SequenceMatcher(junk, a, b)
    print(repr(a)[:30], repr(b)[:30], s.find_longest_match(), s.get_matching_blocks(), s.get_opcodes())
    print("  ", s.ratio(), s.quick_ratio(), s.real_quick_ratio(), sorted(s.bjunk), sorted(s.bpopular), list(s.get_grouped_opcodes(1)))

# autojunk: popular only from 200 items of b, and above 1% + 1 occurrences
for size, count in [(199, 50), (200, 3), (200, 4), (300, 4), (300, 5), (1000, 11), (1000, 12)]:
    b = "x" * count + "".join(chr(256 + i) for i in range(size - count))
    s = SequenceMatcher(None, "xxxx" + b[count:count + 5], b)
    print(size, count, sorted(s.bpopular), s.find_longest_match(), s.get_matching_blocks()[:3], SequenceMatcher(None, "xx", b, autojunk=False).find_longest_match())
popular = "ab" * 150 + "c"
s = SequenceMatcher(None, "zabababcz", popular)
print(sorted(s.bpopular), s.find_longest_match(), s.find_longest_match(1, 8, 290, 301), s.get_matching_blocks(), round(s.ratio(), 6))
junky = SequenceMatcher(lambda c: c == "-", "ab--cd--ef", "xab--cd--efx")
print(junky.find_longest_match(), junky.get_opcodes(), junky.b2j.get("-"), sorted(junky.b2j))

# get_grouped_opcodes trims the cached opcodes in place, as CPython's does
g = SequenceMatcher(None, "abcdefghij" * 3, "abcdefghij" * 3 + "x")
print(g.get_opcodes())
print(list(g.get_grouped_opcodes(2)), g.get_opcodes())
lines_a = [f"line {i}\n" for i in range(30)]
lines_b = list(lines_a)
lines_b[3] = "changed 3\n"
lines_b[20:22] = ["new\n"]
lines_b.append("tail\n")
for n in (0, 1, 3, 8):
    print(n, list(SequenceMatcher(None, lines_a, lines_b).get_grouped_opcodes(n)))

for a, b in [
    (["abcdefgh\n"], ["abcdefgh\n"]),
    (["\tif x:\n", "\t\treturn 1\n"], ["\tif y:\n", "\t\treturn 2\n", "\t\tpass\n"]),
    (["one\n", "two\n", "three\n"], ["one\n", "tree\n", "emu\n"]),
    (["private Thread currentThread;\n"], ["private volatile Thread currentThread;\n"]),
    (["aaaa\n", "bbbb\n", "cccc\n"], ["bbbb\n", "xxxx\n", "aaaa\n", "cccc\n"]),
    (["same\n", "x1\n", "same\n"], ["y\n", "same\n", "z\n"]),
    (["abc\n", "abd\n"], ["abe\n", "abf\n"]),
    (["1 2 3 4\n"], ["1  2 3  4 5\n"]),
    (["totally\n", "different\n"], ["nothing\n", "alike\n", "here\n"]),
    (["x\n", "y\n"], ["q\n"]),
    ([], ["only\n"]),
]:
    delta = list(difflib.ndiff(a, b))
    print("".join(delta), end="")
    print(list(difflib.restore(delta, 1)) == a, list(difflib.restore(delta, 2)) == b)
    print("".join(difflib.Differ(charjunk=None).compare(a, b)), end="")
    print("".join(difflib.ndiff(a, b, linejunk=difflib.IS_LINE_JUNK)), end="")
    print("".join(difflib.unified_diff(a, b, "a", "b", "then", "now", n=1)), end="")
    print("".join(difflib.context_diff(a, b, "a", "b", n=0)), end="")

old = [f"{i}\n" for i in range(12)]
new = old[:2] + ["x\n"] + old[4:9] + old[10:]
for n in (0, 1, 2, 5):
    print("".join(difflib.unified_diff(old, new, n=n)), end="")
    print("".join(difflib.context_diff(old, new, "old", "new", "d1", "d2", n=n)), end="")
print(list(difflib.unified_diff(["a"], ["b"], lineterm="")), list(difflib.context_diff(["a"], ["b"], lineterm="")))
print(list(difflib.unified_diff([], [])), list(difflib.unified_diff(["same\n"], ["same\n"])))
print(list(difflib.diff_bytes(difflib.unified_diff, [b"cafe!\n", b"x\n"], [b"cafe\n", b"x\n"], b"f1", b"f2")))
print(list(difflib.diff_bytes(difflib.context_diff, [b"a\n"], [b"b\n"], lineterm=b"\r\n")))

print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy", "appeal", "applet"]))
print(difflib.get_close_matches("ab", ["ba", "ab", "ab", "aa", "bb"], n=10, cutoff=0.0))
print(difflib.get_close_matches("abc", ["abd", "abe", "xbc"], n=2), difflib.get_close_matches("x", []), difflib.get_close_matches("xyz", ["abc"]))
print([difflib.IS_LINE_JUNK(s) for s in ["", "\n", " # \n", "##\n", "# x\n", "  \t \n", "code\n"]])
print([difflib.IS_CHARACTER_JUNK(c) for c in " \t\nx#"], difflib.IS_CHARACTER_JUNK("x", ws="xy"))
for label, thunk in [
    ("n=0", lambda: difflib.get_close_matches("x", ["y"], n=0)),
    ("n=-1.5", lambda: difflib.get_close_matches("x", ["y"], n=-1.5)),
    ("cutoff", lambda: difflib.get_close_matches("x", ["y"], cutoff=-0.1)),
    ("restore 0", lambda: list(difflib.restore([], 0))),
    ("restore str", lambda: list(difflib.restore(["- a\n", "+ b\n"], "1"))),
    ("restore float", lambda: list(difflib.restore(["- a\n", "+ b\n"], 2.0))),
    ("restore 3", lambda: list(difflib.restore(["- a\n"], 3))),
    ("unified ints", lambda: list(difflib.unified_diff([1], ["x"]))),
    ("unified b ints", lambda: list(difflib.unified_diff(["x"], [b"y"]))),
    ("unified name", lambda: list(difflib.unified_diff(["x"], ["y"], fromfile=b"f"))),
    ("context lineterm", lambda: list(difflib.context_diff(["x"], ["y"], lineterm=None))),
    ("diff_bytes str", lambda: list(difflib.diff_bytes(difflib.unified_diff, ["a"], [b"b"]))),
    ("diff_bytes name", lambda: list(difflib.diff_bytes(difflib.unified_diff, [b"a"], [b"b"], fromfile="x"))),
    ("unhashable", lambda: SequenceMatcher(None, [[1]], [[1]]).ratio()),
]:
    attempt(label, thunk)
print(SequenceMatcher[str], difflib.Match(1, 2, 3), difflib.Match._fields)
s = SequenceMatcher(None, "abcd", "bcd")
s.set_seq1("abce")
print(s.get_opcodes(), s.ratio())
s.set_seq2("xbce")
print(s.get_opcodes(), s.quick_ratio())
s.set_seqs("", "x")
print(s.get_opcodes(), s.get_matching_blocks())
