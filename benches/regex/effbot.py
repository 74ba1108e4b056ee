"""regex_effbot-style: many small searches with typical patterns over
strings of growing size. Prints a checksum last."""
import re

PATTERNS = [
    (r'Python|Perl', 'Perl'), (r'Python|Perl', 'Python'), (r'(Python|Perl)', 'Python'),
    (r'(?:Python|Perl)', 'Perl'), (r'Python', 'Python'), (r'.*Python', 'Python'),
    (r'.*Python.*', 'Python'), (r'.*(Python)', 'Python'), (r'Python|Perl|Tcl', 'Perl'),
    (r'(Python|Perl|Tcl)', 'Tcl'), (r'(Python)\1', 'PythonPython'), (r'([0a-z][a-z0-9]*,)+', 'a5,b7,c9,'),
    (r'(?:[0a-z][a-z0-9]*,)+', 'a5,b7,c9,'), (r'([a-z][a-z0-9]*,)+', 'a5,b7,c9,'),
    (r'(?:[a-z][a-z0-9]*,)+', 'a5,b7,c9,'), (r'.*P.*y.*t.*h.*o.*n.*', 'Python'),
    (r'[\w.]+@[\w.]+\.\w+', 'contact me@host.example.org'), (r'\d{4}-\d{2}-\d{2}', 'on 2024-11-30'),
    (r'(\w+)\s*=\s*(\w+)', 'key = value'), (r'^\s*#', '    # comment'),
]

total = 0
compiled = [(re.compile(p), s) for p, s in PATTERNS]
for n in (0, 10, 100, 1000, 5000):
    for regex, s in compiled:
        subject = '-' * n + s + '-' * n
        for _ in range(40):
            m = regex.search(subject)
            if m:
                total += m.end() - m.start()
print(total)
