# locale (the C and C.UTF-8 locales) and fileinput over files in a temporary directory.
import locale, fileinput, os, sys, tempfile, shutil
print(locale.setlocale(locale.LC_ALL, "C"), locale.setlocale(locale.LC_NUMERIC), locale.getlocale(locale.LC_NUMERIC), locale.getencoding())
print(locale.setlocale(locale.LC_CTYPE, "C.UTF-8"), locale.getlocale())
print(locale.localeconv())
print(locale.format_string("%d and %.2f", (1234567, 3.14159), grouping=True), locale.str(3.14159265358979), locale.atof("3.5"), locale.atoi("42"), locale.strcoll("a", "b"), locale.strxfrm("x"))
try:
    locale.setlocale(locale.LC_ALL, "xx_YY")
except locale.Error as e:
    print(repr(e))
print(locale.normalize("en_US"), locale.normalize("C.UTF-8"), locale.LC_ALL, locale.CHAR_MAX)
try:
    locale.currency(1.5)
except ValueError as e:
    print(e)
base = tempfile.mkdtemp()
one = os.path.join(base, "one.txt")
two = os.path.join(base, "two.txt")
with open(one, "w") as f:
    f.write("a1\na2\n")
with open(two, "w") as f:
    f.write("b1\nb2\nb3")
with fileinput.input([one, two]) as lines:
    for line in lines:
        print(os.path.basename(fileinput.filename()), fileinput.lineno(), fileinput.filelineno(), fileinput.isfirstline(), fileinput.isstdin(), repr(line))
with fileinput.FileInput(files=(one,), mode="rb") as f:
    print(list(f))
with fileinput.input(two, inplace=True, backup=".orig") as f:
    for line in f:
        print(line.upper(), end="")
print(open(two).read(), os.path.exists(two + ".orig"))
with fileinput.input([one, two], openhook=fileinput.hook_encoded("utf-8")) as f:
    print(f.readline(), end="")
    f.nextfile()
    print(f.readline(), end="")
print()
shutil.rmtree(base)
