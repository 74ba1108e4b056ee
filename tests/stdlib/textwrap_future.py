from __future__ import annotations, division
import __future__
import textwrap

print(__future__.annotations, __future__.all_feature_names[:3])
text = "The quick brown fox jumps over the lazy dog. " * 3 + "A well-known, state-of-the-art pseudo-random generator."
for w in (20, 33, 50):
    print(textwrap.fill(text, width=w))
    print("--")
print(textwrap.wrap("short", 10), textwrap.wrap("", 10), textwrap.wrap("a verylongwordthatexceedsthewidth b", 10))
print(textwrap.fill("one two three four five six", width=12, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten("Hello  world! This is a long sentence.", width=20), textwrap.shorten("tiny", 20))
print(repr(textwrap.dedent("""
    def f():
        return 1
    """)))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   x\n   \n   y")))
print(textwrap.indent("line1\nline2\n\nline3", "> "), end="")
print(textwrap.TextWrapper(width=15, break_long_words=False).wrap("supercalifragilistic is a word"))
print(textwrap.wrap("tabs\there and\tthere", 12))
