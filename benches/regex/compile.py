"""regex_compile-style: compile a varied set of patterns over and over,
clearing the cache each time. Prints a checksum last."""
import re

PATTERNS = [
    r'^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$', r'(?P<user>[\w.+-]+)@(?P<host>[\w-]+(?:\.[\w-]+)+)',
    r'(?x) (\d+) \s* ([+\-*/]) \s* (\d+)   # arithmetic', r'(?i)<(script|style)[^>]*>.*?</\1>',
    r'[A-Za-z_][A-Za-z0-9_]*', r'"(?:[^"\\]|\\.)*"', r'(?m)^\s*#.*$', r'\b(?:if|else|while|for|def|class)\b',
    r'(?<=\$)\d+(?:\.\d\d)?', r'(a|b|c|d|e|f|g)+?x{2,5}', r'[^\x00-\x7f]+', r'(?s)/\*.*?\*/',
    r'(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)', r'(\w+)\s+\1',
    r'(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)T(?P<H>\d\d):(?P<M>\d\d)', r'[\u0400-\u04ff]+',
]
total = 0
for _ in range(300):
    re.purge()
    for p in PATTERNS:
        total += re.compile(p).groups
print(total)
