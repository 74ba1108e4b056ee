# csv.Sniffer on realistic samples: every common delimiter, quoting with
# doubled quotes and embedded delimiters, spaces after delimiters, quoted
# fields at line starts and ends, samples longer than ten lines (where the
# first lines decide), restricted delimiter sets, headers of every kind and
# the errors; then random samples of many lines.
import csv
import io
import random

s = csv.Sniffer()


def show(sample, delimiters=None):
    try:
        d = s.sniff(sample, delimiters)
        facts = (d.delimiter, d.quotechar, d.doublequote, d.skipinitialspace, d.escapechar, d.quoting, d._name)
    except csv.Error as e:
        print(repr(sample[:40]), "Error", e)
        return
    try:
        header = s.has_header(sample)
    except Exception as e:
        header = type(e).__name__
    print(repr(sample[:40]), facts, header)


rows = [["name", "age", "city"], ["Ann", "31", "Paris"], ["Bob", "4", "Rome"], ["Cyd", "27", "Oslo, NO"]]
for delimiter in ",;\t|: ":
    for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
        out = io.StringIO()
        w = csv.writer(out, delimiter=delimiter, quoting=quoting)
        w.writerows(rows)
        show(out.getvalue())
        show(out.getvalue().replace(delimiter, delimiter + " "))
samples = [
    'a,"b ""c"" d",e\n1,"2",3\n',
    "'x';'y''s';'z'\n'1';'2';'3'\n",
    '"solo line"\n"another"\n',
    '"first",2\n"second",3\n',
    'k=1,"v"\nk=2,"w"\n',
    "plain\nwords\nonly\n",
    "1 2 3\n4 5 6\n7 8 9\n" * 5,
    "a,b\n" + "1,2\n" * 9 + "1;2;3;4\n" * 15,
    "x:y:z\n" * 3 + "p,q\n" * 12,
    "col1|col2\n" + "\n".join(f"{i}|{i * i}" for i in range(40)),
    "id;name;score\n" + "\n".join(f"{i};n{i};{i / 3:.2f}" for i in range(30)),
    "title,count\nfoo,10\nbar,200\nbaz,3000\n",
    "when,value\n2020-01-01,1.5\n2020-02-01,2.5\n",
    "x,y\n1,2\n3,4\n",
    "first,last\nann,lee\nbob,kay\n",
    "h1,h2\nabc,de\nfgh,ij\n",
    "a,b,c\n1,2\n3,4,5,6\n",
    "header only,here\n",
    "1+2j,3\n4j,5\n",
    "inf,nan\n1,2\n",
    "  a , b \n  c , d \n",
    "a\tb\tc\n1\t\t3\n",
    "",
    "\n\n",
    "no delimiters at all",
]
for sample in samples:
    show(sample)
show("a;b,c\n1;2,3\n", ";")
show("a;b,c\n1;2,3\n", ",")
show("a|b\n1|2\n", ",;")
show('a;"b";c\n', ",")

random.seed(2024)
cells = ["a", "bb", "12", "3.5", "x y", '"q"', "'s'", "", "-", "7j", "é"]
for i in range(150):
    delimiter = random.choice(",;\t| :")
    lines = []
    for _ in range(random.randint(1, 25)):
        width = random.randint(1, 5)
        lines.append(delimiter.join(random.choice(cells) for _ in range(width)))
    show("\n".join(lines) + random.choice(["", "\n"]))
# Long samples with a few irregular lines: the first ten lines decide, then
# twenty, and so on.
for i in range(120):
    delimiter = random.choice(",;\t|:")
    lines = []
    for _ in range(random.randint(5, 70)):
        width = random.choice([3, 3, 3, 4]) if random.random() < 0.9 else random.randint(1, 6)
        separator = delimiter if random.random() < 0.93 else random.choice(",;\t|:")
        lines.append(separator.join(random.choice(cells) for _ in range(width)))
    show("\n".join(lines))
