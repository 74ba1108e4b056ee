"""regex_v8-style: the kinds of regular expressions web pages run (trim,
tokenize, URLs, tags, entities, case conversions, splitting), over
generated text, with sub callbacks and findall. Prints a checksum last."""
import re

WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua Ut enim ad minim veniam").split()

def text(n, seed=7):
    out = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        w = WORDS[seed % len(WORDS)]
        k = seed % 11
        if k == 0:
            out.append('<a href="http://www.%s.com/path/%d?q=%s&amp;x=1">%s</a>' % (w, i, w, w))
        elif k == 1:
            out.append('  %s@%s.org  ' % (w, WORDS[(seed >> 3) % len(WORDS)]))
        elif k == 2:
            out.append('%d.%02d' % (seed % 1000, seed % 100))
        elif k == 3:
            out.append('<span class="c%d">%s</span>' % (seed % 9, w.upper()))
        else:
            out.append(w)
    return ' '.join(out)

trim = re.compile(r'^\s+|\s+$')
tag = re.compile(r'<[^>]+>')
url = re.compile(r'(\w+)://([^/:]+)(?::(\d+))?(/[^?#"]*)?(?:\?([^#"]*))?')
email = re.compile(r'[\w.+-]+@[\w-]+\.[\w.]+')
number = re.compile(r'\b\d+(?:\.\d+)?\b')
entity = re.compile(r'&(amp|lt|gt|quot);')
camel = re.compile(r'-([a-z])')
words = re.compile(r'\s+')
klass = re.compile(r'(?:^|\s)c(\d)(?:\s|$)')
attr = re.compile(r'(\w+)="([^"]*)"')

total = 0
for rnd in range(4):
    page = text(6000, seed=rnd + 1)
    total += len(trim.sub('', page))
    total += len(tag.sub('', page))
    for m in url.finditer(page):
        total += len(m.group(2)) + (len(m.group(5)) if m.group(5) else 0)
    total += len(email.findall(page))
    total += sum(len(x) for x in number.findall(page))
    total += len(entity.sub(lambda m: {'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"'}[m.group(1)], page))
    total += len(camel.sub(lambda m: m.group(1).upper(), 'background-color-and-border-top-width' * 50))
    total += len(words.split(page))
    total += len(klass.findall(' c1 c2 x c3 '))
    total += sum(len(k) + len(v) for k, v in attr.findall(page))
    for line in page.split('</a>')[:800]:
        if re.search(r'href="http://www\.(\w+)\.com', line):
            total += 1
        total += len(re.split(r'[\s,.;:]+', line))
print(total)
