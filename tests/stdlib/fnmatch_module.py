# fnmatch: matching and translate() over fixed and random patterns,
# bracket expressions with ranges, negation and odd corners.
import fnmatch
import random

names = ["test_a.py", "test_b.txt", "a.py", "Test.PY", "[x].py", "notes", "data-1.csv", "data-9.csv", "x\ny"]
for pattern in ["*.py", "test_?.*", "[!t]*", "data-[0-5].csv", "*[", "[]x].py", "x*y", "\\*", "[a-]*", "*"]:
    print(repr(pattern), fnmatch.filter(names, pattern), repr(fnmatch.translate(pattern)))
print(fnmatch.fnmatch("README.MD", "*.md"), fnmatch.fnmatchcase("README.MD", "*.md"))
print(fnmatch.fnmatchcase("b", "[z-a]"), fnmatch.fnmatchcase("b", "[!z-a]"), fnmatch.translate("[!b-a]"))
print(fnmatch.translate("a*b*c*"), fnmatch.translate("[&~|]"), fnmatch.translate("[a-c-e]"))

random.seed(11)
alphabet = "ab-!]*?[^\\&z."
for _ in range(300):
    pattern = "".join(random.choice(alphabet) for _ in range(random.randint(0, 7)))
    words = ["".join(random.choice("abz-!]^.&\\") for _ in range(random.randint(0, 5))) for _ in range(6)]
    print(repr(pattern), fnmatch.translate(pattern), [fnmatch.fnmatchcase(w, pattern) for w in words])
