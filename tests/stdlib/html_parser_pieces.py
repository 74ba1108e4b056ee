# html.parser.HTMLParser fed in pieces: what waits in rawdata for more text,
# what close() reads as text, and the parser's attributes.
from html.parser import HTMLParser
class P(HTMLParser):
    def handle_starttag(self, t, a): print('start', t, a, self.getpos())
    def handle_endtag(self, t): print('end', t, self.getpos())
    def handle_startendtag(self, t, a): print('startend', t, a)
    def handle_data(self, d): print('data', repr(d), self.getpos())
    def handle_comment(self, d): print('comment', repr(d))
    def handle_decl(self, d): print('decl', repr(d))
    def handle_pi(self, d): print('pi', repr(d))
    def handle_entityref(self, n): print('entityref', n)
    def handle_charref(self, n): print('charref', n)
    def unknown_decl(self, d): print('unknown_decl', repr(d))
def run(chunks, **kw):
    print('===', chunks, kw)
    p = P(**kw)
    for c in chunks:
        p.feed(c); print('  fed', repr(p.rawdata))
    p.close()
run(['&amp', ';x &lt', 'y &#6', '5z'], convert_charrefs=False)
run(['<!-->x<!--->y'])
run(['<!', '-', '-x-', '->'])
run(['<', 'a', '>'])
run(['<!-x>', '<!>', '<? >', '<?'])
run(['<SCRIPT>x</Script>', '<style>a</ style>b</style >'])
run(['<script><!-- </script> --></script>'])
run(['text', ' more', '<p>'])
run(['a\r\nb<p\r\n>'])
run(['<p>x</p', ' >'])
run(['<a b=">">c'])
run(['&#65;'], convert_charrefs=False)
p = P(); p.feed('<a>'); p.reset(); p.feed('<b>'); p.close(); print(p.lasttag, p.cdata_elem, p.convert_charrefs)
import html.parser
print(html.parser.__all__, P.CDATA_CONTENT_ELEMENTS)
class Q(HTMLParser): pass
q = Q(); q.feed('<a>x</a>'); q.close(); print(q.get_starttag_text())
try: HTMLParser(False)
except TypeError as e: print(e)
run(['<br />', '<a/b>', '<a b/>', '<a "x"=1>'])
run(['x&y;z &#X41; '], convert_charrefs=False)
