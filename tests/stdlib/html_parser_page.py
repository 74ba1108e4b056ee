# html.parser on a whole page: a link and text extractor, and the same events
# whatever pieces the page is fed in, with character references converted or not.
from html.parser import HTMLParser
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Links &amp; things</title>
  <script type="text/javascript">
    if (a < b && b > c) { document.write("<p>hi</p>"); }
  </script>
  <style>body > p { color: red; }</style>
</head>
<body>
  <!-- navigation -->
  <nav><a href="/one">One</a> | <a href='/two?x=1&amp;y=2'>Two</a> | <a href=three.html>Three</a></nav>
  <p class="intro">Caf&eacute; &mdash; 5 &lt; 6 &#x263A;<br/>
  <img src="pic.png" alt="A &quot;picture&quot;" />
  <input type=checkbox checked disabled>
  </p>
  <table><tr><td>1</td><td>2</td></tr></table>
</body>
</html>
"""
class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text, self.stack = [], [], []
    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        d = dict(attrs)
        if tag == 'a':
            self.links.append(d.get('href'))
        print('  ' * (len(self.stack) - 1) + tag, attrs, self.getpos())
    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
    def handle_startendtag(self, tag, attrs):
        print('  ' * len(self.stack) + tag + '/', attrs)
    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())
p = Links()
p.feed(PAGE)
p.close()
print(p.links)
print(p.text)
# The same page fed a few characters at a time gives the same events.
class Log(HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.events = []
    def handle_starttag(self, t, a): self.events.append(('start', t, a))
    def handle_endtag(self, t): self.events.append(('end', t))
    def handle_data(self, d): self.events.append(('data', d))
    def handle_comment(self, d): self.events.append(('comment', d))
    def handle_entityref(self, n): self.events.append(('entity', n))
    def handle_charref(self, n): self.events.append(('char', n))
def merged(events):
    out = []
    for e in events:
        if out and e[0] == 'data' and out[-1][0] == 'data':
            out[-1] = ('data', out[-1][1] + e[1])
        else:
            out.append(e)
    return out
for convert in (True, False):
    whole = Log(convert_charrefs=convert); whole.feed(PAGE); whole.close()
    for size in (1, 3, 7, 64):
        parts = Log(convert_charrefs=convert)
        for i in range(0, len(PAGE), size):
            parts.feed(PAGE[i:i + size])
        parts.close()
        print(convert, size, merged(parts.events) == merged(whole.events), len(whole.events))
