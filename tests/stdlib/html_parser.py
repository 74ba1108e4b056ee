# html.parser.HTMLParser: every handler, attributes (quoted, bare, valueless,
# duplicated, with references), script/style content, comments, doctype,
# processing instructions, CDATA, malformed markup, data fed in pieces,
# convert_charrefs both ways, getpos and get_starttag_text.
from html.parser import HTMLParser


class Recorder(HTMLParser):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(('start', tag, attrs, self.getpos()))

    def handle_endtag(self, tag):
        self.events.append(('end', tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.events.append(('startend', tag, attrs, self.get_starttag_text()))

    def handle_data(self, data):
        self.events.append(('data', data))

    def handle_comment(self, data):
        self.events.append(('comment', data))

    def handle_entityref(self, name):
        self.events.append(('entityref', name))

    def handle_charref(self, name):
        self.events.append(('charref', name))

    def handle_decl(self, decl):
        self.events.append(('decl', decl))

    def handle_pi(self, data):
        self.events.append(('pi', data))

    def unknown_decl(self, data):
        self.events.append(('unknown_decl', data))


def run(pieces, **kwargs):
    parser = Recorder(**kwargs)
    if isinstance(pieces, str):
        pieces = [pieces]
    for piece in pieces:
        parser.feed(piece)
    before_close = len(parser.events)
    parser.close()
    print(repr(pieces)[:70], kwargs or '')
    for i, event in enumerate(parser.events):
        print('   ', '*' if i >= before_close else ' ', event)


DOCUMENTS = [
    '<!DOCTYPE html><html><head><title>T &amp; T</title></head>\n<body class="main">Hi</body></html>',
    '<p id=one class=\'two\' data-x="a &lt; b" hidden checked=>text</p>',
    '<IMG SRC="a.png" ALT=Pic/><br/><br /><hr   >',
    '<a href="?x=1&y=2&amp;z=3">link</a>',
    '<div a=1 a=2 B="3">dup</div>',
    '<script>if (a < b && c > d) { x = "</p>"; }</script>after',
    '<style type="text/css">p > a { color: red }</STYLE>',
    '<script>var s = "</scr" + "ipt>";</script >x',
    '<!-- a comment -- inside --><!---->< !-- not -->',
    '<?xml version="1.0"?><?php echo 1 ?>',
    '<![CDATA[ raw <b> ]]>tail<![if !IE]>x<![endif]>',
    '<!ELEMENT br EMPTY><!weird>',
    '</>text</ div  ><//x></3>',
    'a < b and c <d e> f',
    '<p>one\ntwo\n<b>three</b>\n</p>',
    '&amp; &lt;tag&gt; &#65;&#x42; &copy &unknown; & x',
    'x &notin; y &notit; z',
    '<a b="unterminated>text',
    '<p attr="x"',
    'trailing <',
    'trailing &amp',
    'trailing &#',
    '<!-- unterminated',
    '<br/ >',
    '<a\nhref="x"\n>t</a\n>',
    "<input value='it\"s' disabled/>",
    '<p/x>y</p>',
    '<a b="1"c="2">',
]
for document in DOCUMENTS:
    run(document)
    run(document, convert_charrefs=False)

run(['<di', 'v cla', 'ss="x">te', 'xt &am', 'p; more</d', 'iv>'])
run(['<di', 'v cla', 'ss="x">te', 'xt &am', 'p; more</d', 'iv>'], convert_charrefs=False)
run(['<script>a<', '/script>b'])
run(['text &', 'amp; end'])
run(['x &#', '1', '2', '3;y'], convert_charrefs=False)
run(['&a'], convert_charrefs=False)
run(['a &b', ' c'], convert_charrefs=False)
run(['a &#x; b'], convert_charrefs=False)
run(['<!-', '- c -', '->'])
run(['<scri', 'pt>x</scr', 'ipt>'])
run(['unclosed <script>code'])

p = Recorder()
print(p.getpos(), p.get_starttag_text(), p.lasttag, p.convert_charrefs)
p.feed('<a\nb="c">\nx')
print(p.getpos(), repr(p.get_starttag_text()), p.lasttag)
p.reset()
print(p.getpos(), p.rawdata == '', p.lasttag)
print(HTMLParser.CDATA_CONTENT_ELEMENTS)
HTMLParser().feed('<p>ignored by the base class</p>')

try:
    HTMLParser(True)
except TypeError as e:
    print('TypeError:', e)
try:
    HTMLParser().feed(b'<p>')
except TypeError as e:
    print('TypeError:', e)
import html.parser
print(html.parser.__all__)
