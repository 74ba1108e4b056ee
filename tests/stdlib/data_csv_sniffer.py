# csv.Sniffer and the reader on random samples: the hand-written versions of
# CPython's sniffing patterns must agree with its regular expressions.
import csv, random
random.seed(12)
s = csv.Sniffer()
alph = ['a', 'b', '1', '2', ' ', ',', ';', '\t', '"', "'", '\n', '|', ':', 'x y', '""', '-', '.']
for i in range(400):
    sample = "".join(random.choice(alph) for _ in range(random.randint(1, 60)))
    try:
        d = s.sniff(sample)
        r = (d.delimiter, d.quotechar, d.doublequote, d.skipinitialspace)
        try:
            h = s.has_header(sample)
        except Exception as e:
            h = type(e).__name__
        print(repr(sample), r, h)
    except csv.Error as e:
        print(repr(sample), "Error", e)
    for line in sample.split("\n")[:3]:
        try:
            print(list(csv.reader([line], delimiter=",", skipinitialspace=i % 2 == 0, escapechar="\\" if i % 3 == 0 else None)))
        except csv.Error as e:
            print("Error", e)
