# textwrap's options one by one: sentence endings, long words, hyphens,
# whitespace, tabs, indents, max_lines and placeholders, and their errors.
import textwrap

text = ("The quick brown fox jumped over the lazy dog. Then it ran!  Did it stop? "
        "No.\tIt went on, said \"Mr. Fox.\" A well-known, extra-ordinarily-long-hyphenated-word "
        "and averyveryverylongwordwithnohyphens end.")


def show(label, **options):
    try:
        print(label, textwrap.wrap(text, **options))
    except ValueError as e:
        print(label, "ValueError:", e)


show("default 30", width=30)
show("sentences", width=30, fix_sentence_endings=True)
show("no long breaks", width=12, break_long_words=False)
show("no hyphen breaks", width=12, break_on_hyphens=False)
show("neither", width=12, break_on_hyphens=False, break_long_words=False)
show("keep whitespace", width=15, drop_whitespace=False)
show("keep tabs", width=25, expand_tabs=False, replace_whitespace=False)
show("tabsize 2", width=25, tabsize=2, replace_whitespace=False)
show("indents", width=25, initial_indent="-> ", subsequent_indent="   ")
show("max 2", width=25, max_lines=2)
show("max 1 custom", width=25, max_lines=1, placeholder="...")
show("max 3 indented", width=25, max_lines=3, subsequent_indent="  ", placeholder=" (more)")
show("width 0", width=0)
show("placeholder too big", width=5, max_lines=2, placeholder=" [......]")
show("placeholder initial", width=8, max_lines=1, initial_indent="    ", placeholder=" [..]")
print(textwrap.wrap("   leading kept, trailing dropped   ", 12))
print(textwrap.wrap("   ", 5), textwrap.wrap("", 5), textwrap.wrap("\n\n", 5, drop_whitespace=False))
print(textwrap.wrap("a b c d e f g h", 3, max_lines=2, placeholder="."))
print(textwrap.wrap("aaaa bbbb cccc", 9, max_lines=2, placeholder=" ..."))
print(textwrap.wrap("one two three", 7, max_lines=1, placeholder="[...]"))
print(textwrap.wrap("spam---eggs and--dashes long-word-here", 6))
print(textwrap.fill("Hello there. how are you?  fine.\"  ok.' yes", 80, fix_sentence_endings=True))
print(textwrap.shorten("Hello  world!\n  How are   you?", 15))
print(textwrap.shorten("Hello world", 11), textwrap.shorten("Hello world", 10, placeholder="~"))
print(textwrap.shorten("  ", 10), repr(textwrap.shorten("averylongword", 8)))
print(repr(textwrap.indent("a\n  \nb\r\nc", "> ")))
print(repr(textwrap.indent("a\n\nb", "+", lambda line: True)))
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")))
w = textwrap.TextWrapper()
print(w.width, repr(w.initial_indent), repr(w.subsequent_indent), w.expand_tabs,
      w.replace_whitespace, w.fix_sentence_endings, w.break_long_words, w.drop_whitespace,
      w.break_on_hyphens, w.tabsize, w.max_lines, repr(w.placeholder))
w.width = 10
w.initial_indent = "* "
print(w.fill("attributes can change between calls"))
try:
    textwrap.TextWrapper(10, "", "", True, True, False, True, True, True, 8, None)
except TypeError as e:
    print("TypeError:", e)
for sample in ("\t a\n\t  b\n", "  x\n \ty\n", "  \n  a\n \t\n", "   a\r\n   b", "\x0c a\n b", ""):
    print(repr(sample), "->", repr(textwrap.dedent(sample)))
