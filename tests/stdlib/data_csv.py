# csv: the reader's states (quotes, escapes, newlines in fields, strict mode,
# QUOTE_NONNUMERIC), the writer's quoting, DictReader/DictWriter, dialects and
# the registry, field_size_limit, the errors, and Sniffer on typical samples.
import csv, io
data = 'name,age,city\r\nAlice,30,"New York, NY"\r\nBob,25,"He said ""hi"""\r\n"multi\nline",1,x\r\n\r\nlast,,\r\n'
for row in csv.reader(io.StringIO(data, newline="")):
    print(row)
r = csv.reader(data.splitlines(keepends=True)); print(list(r), r.line_num)
for line in ['a,b', ' a, b', 'a;b;"c;d"', 'a\tb', '"unterminated', '"a"b,c', 'a,"b"c', '"', ',', '', 'x\\,y', '"a\\"b"']:
    for kw in [{}, {"skipinitialspace": True}, {"delimiter": ";"}, {"escapechar": "\\"}, {"strict": True}, {"quoting": csv.QUOTE_NONE}, {"doublequote": False, "escapechar": "\\"}]:
        try: print(repr(line), kw, list(csv.reader([line], **kw)))
        except csv.Error as e: print(repr(line), kw, "Error", e)
print(list(csv.reader(['1,2.5,"x",-3'], quoting=csv.QUOTE_NONNUMERIC)))
try: list(csv.reader(['1,abc'], quoting=csv.QUOTE_NONNUMERIC))
except ValueError as e: print("ValueError", e)
try: list(csv.reader(['a\rb,c']))
except csv.Error as e: print("Error", e)
print(list(csv.reader(['a,b\r\n', 'c\n'])), list(csv.reader(['"a\n', 'b"\n'])), list(csv.reader(["x\\\n", "y"], escapechar="\\")))
for rows, kw in [([["a", "b c", "d,e", 'f"g', "", None, 1, 2.5, True, "h\ni", "j\rk"]], {}), ([["a", 1, None, 2.0]], {"quoting": csv.QUOTE_NONNUMERIC}),
                 ([["a", "b"]], {"quoting": csv.QUOTE_ALL}), ([["a,b", 'c"d', "e\\f"]], {"quoting": csv.QUOTE_NONE, "escapechar": "\\"}),
                 ([['c"d']], {"doublequote": False, "escapechar": "\\"}), ([[""]], {}), ([[]], {}), ([["a"], ["b", "c"]], {"lineterminator": "\n"}),
                 ([["x;y", "z"]], {"delimiter": ";"}), ([["a b"]], {"quotechar": "'", "quoting": csv.QUOTE_ALL}), ([["e\\f", "g"]], {"escapechar": "\\"}),
                 ([["a\nb", "c\rd"]], {"lineterminator": "\n"})]:
    out = io.StringIO(); w = csv.writer(out, **kw)
    for row in rows: print(repr(w.writerow(row)), end=" ")
    print(repr(out.getvalue()))
for rows, kw in [([["a,b"]], {"quoting": csv.QUOTE_NONE}), ([[""]], {"quoting": csv.QUOTE_NONE}), ([['a"b']], {"doublequote": False}), (1, {})]:
    try: w = csv.writer(io.StringIO(), **kw); w.writerow(rows[0] if rows != 1 else 1)
    except csv.Error as e: print("Error", e)
out = io.StringIO(); w = csv.writer(out); w.writerows([[1, 2], [3, 4]]); w.writerows(iter([["x"]])); print(repr(out.getvalue()), w.dialect.delimiter)
f = io.StringIO("name,score\nann,5\nbob,7,extra\ncid\n\n")
dr = csv.DictReader(f); print(dr.fieldnames)
for d in dr: print(d, dr.line_num)
print(list(csv.DictReader(io.StringIO("a,b\n1,2\n"), fieldnames=["x", "y"], restval="R")), list(csv.DictReader(io.StringIO("1\n"), fieldnames=["x", "y"], restval="R", restkey="K")))
print(list(csv.DictReader(io.StringIO("1,2,3\n"), fieldnames=["x"], restkey="more")), csv.DictReader(io.StringIO("")).fieldnames)
out = io.StringIO(); dw = csv.DictWriter(out, fieldnames=["a", "b"], restval="-"); print(dw.writeheader()); dw.writerow({"a": 1}); dw.writerows([{"a": 2, "b": 3}, {"b": "x,y"}]); print(repr(out.getvalue()))
try: dw.writerow({"a": 1, "zz": 2})
except ValueError as e: print(e)
dw2 = csv.DictWriter(io.StringIO(), ["a"], extrasaction="ignore"); dw2.writerow({"a": 1, "zz": 2})
try: csv.DictWriter(io.StringIO(), ["a"], extrasaction="x")
except ValueError as e: print(e)
class semi(csv.Dialect):
    delimiter = ";"; quotechar = "'"; doublequote = True; skipinitialspace = False; lineterminator = "\n"; quoting = csv.QUOTE_MINIMAL
csv.register_dialect("semi", semi); out = io.StringIO(); csv.writer(out, "semi").writerow(["a;b", "c"]); print(repr(out.getvalue()), sorted(csv.list_dialects()))
d = csv.get_dialect("semi"); print(d.delimiter, d.quotechar, d.lineterminator == "\n", d.quoting, d.doublequote, d.escapechar, d.strict)
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL); out = io.StringIO(); csv.writer(out, "pipes").writerow([1, 2]); print(repr(out.getvalue()))
csv.unregister_dialect("pipes"); print("pipes" in csv.list_dialects())
for bad in [lambda: csv.get_dialect("nope"), lambda: csv.unregister_dialect("nope"), lambda: csv.reader([], "nope"), lambda: csv.writer(io.StringIO(), delimiter=""),
            lambda: csv.reader([], quoting=7), lambda: csv.reader([], bogus=1), lambda: csv.writer(3), lambda: csv.register_dialect(3),
            lambda: csv.field_size_limit("x"), lambda: semi.__init__(semi()), lambda: type("bad", (csv.Dialect,), {"delimiter": "ab"})(), lambda: csv.reader([], quotechar=None, quoting=csv.QUOTE_ALL)]:
    try: print(bad())
    except (csv.Error, TypeError) as e: print(type(e).__name__, e)
old = csv.field_size_limit(5); print(old, csv.field_size_limit())
try: list(csv.reader(["abcdefgh"]))
except csv.Error as e: print("Error", e)
csv.field_size_limit(old)
print(csv.excel.delimiter, csv.excel_tab.delimiter, csv.unix_dialect.quoting, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.__version__, csv.Error.__mro__[1].__name__)
s = csv.Sniffer()
samples = ["a,b,c\n1,2,3\n4,5,6\n", "name;age;city\nann;3;x\nbob;4;y\n", 'a\t"b c"\t1\nd\t"e f"\t2\n', "x|y|z\n1|2|3\n", '"a", "b", "c"\n"1", "2", "3"\n',
           "one two three\n1 2 3\n4 5 6\n", 'id,"quote ""here""",x\n1,"a ""b"" c",2\n', "title,count\nfoo,10\nbar,200\n", "1,2\n3,4\n", "a:b\nc:d\n"]
for sample in samples:
    try:
        d = s.sniff(sample)
        print(repr(d.delimiter), repr(d.quotechar), d.doublequote, d.skipinitialspace, d.lineterminator == "\r\n", d.quoting, s.has_header(sample))
    except csv.Error as e:
        print("Error", e)
print(repr(s.sniff("a;b,c\n1;2,3\n", delimiters=";").delimiter))
try: s.sniff("")
except csv.Error as e: print("Error", e)
