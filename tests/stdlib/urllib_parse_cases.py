# urllib.parse over many inputs: splitting, parsing, reassembling, joining
# (RFC 3986's examples and more), netloc properties, percent-encoding,
# query strings, str/bytes handling and the errors.
from urllib.parse import *
import urllib.parse as up

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))

urls = [
    "", "http://www.python.org", "http://www.python.org/", "http://www.python.org/a/b;p?q=1#frag",
    "HTTP://Example.COM:80/%7Euser", "https://user:pass@host:8080/path?x=1&y=2#top",
    "ftp://ftp.is.co.za/rfc/rfc1808.txt", "mailto:John.Doe@example.com", "news:comp.infosystems.www.servers.unix",
    "tel:+1-816-555-1212", "telnet://192.0.2.16:80/", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2",
    "file:///tmp/junk.txt", "file:/tmp/x", "//netloc/only", "/abs/path;params?q#f", "rel/path", "?q=only",
    "#frag-only", "path:with:colons", "1http://x", "a+b.c-d://host/p", "http:", "http:/one", "http:///three",
    "  http://stripped.example/ ", "\x00\x1fhttp://control.example/", "http://ta\tb.example/pa\nth?q\r=1",
    "http://[::1]:80/x", "http://[v1.fe]/", "http://u@[2001:db8::7]/c=GB?objectClass?one", "http://a]/",
    "http://h/p;a;b/c;d?e", "sip:alice@atlanta.com;transport=tcp?subject=x", "http://h:/p", "http://h:0/",
    "http://h:65535", "http://h:99999/", "http://h:port/", "http://@h/", "http://:@h/", "http://u:@h/",
    "http://h/p#a#b", "http://h/p?a?b", "http://h#f?notq", "svn+ssh://user@host/repo", "javascript:alert(1)",
    "data:text/plain;base64,SGVsbG8=", "HTTP://H/", "http://h/%2F%2e", "www.example.com:80/x",
    "localhost:8000", "c:\\windows\\path", "http://h/p;", "http://h/;p", "http://\u00e9xample.org/",
    "http://h/\u00e9?\u00e9#\u00e9",
]
def show(u):
    s = urlsplit(u)
    p = urlparse(u)
    print(repr(u), tuple(s), tuple(p))
    print("   ", repr(urlunsplit(s)), repr(urlunparse(p)), repr(s.geturl()), repr(p.geturl()))
    try:
        print("   ", s.username, s.password, s.hostname, s.port, p.hostname)
    except ValueError as e:
        print("    ValueError", e)
    print("   ", tuple(urlsplit(u, scheme="dflt", allow_fragments=False)), urldefrag(u))
for u in urls:
    try:
        show(u)
    except ValueError as e:
        print(repr(u), "ValueError", e)
for bad in ["http://[abc]/", "http://[::1/", "http://\uff03x/", "http://a\u2100b/", "http://[::1]x/"]:
    attempt(repr(bad), lambda: urlsplit(bad))
attempt("port range", lambda: urlsplit("http://h:70000/").port)
attempt("port text", lambda: urlsplit("http://h:8o/").port)
attempt("port sign", lambda: urlsplit("http://h:-1/").port)
attempt("port spaces", lambda: urlsplit("http://h: 8/").port)

base = "http://a/b/c/d;p?q"
refs = ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s",
        "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g", "../../../g", "../../../../g",
        "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y",
        "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x", "http:g", "http:", "//h2/x/../y",
        "a//b", ".//g", "https:g", "mailto:x", "?", "#"]
for r in refs:
    print(repr(r), urljoin(base, r), urljoin(base, r, allow_fragments=False))
for b, r in [("http://a/b/c/", "d"), ("http://a/b//c/", "d"), ("http://a", "b"), ("http://a/", "../../x"),
             ("mailto:a@b", "c"), ("", "x"), ("http://a/b", ""), ("file:///a/b", "c"), ("svn+ssh://h/a/b", "c"),
             ("http://a/b/c", "//x"), ("http://a/b?q", "#f"), ("http://a/b;p", ";q"), ("tel:+1", "2"),
             ("http://a/b/c", "g/.."), ("http://a/b/c", "g/."), ("ws://h/a/", "../b"), ("//a/b", "c"),
             ("a/b/c", "../d"), ("a/b/c", "/d"), (b"http://a/b/c", b"../d"), (b"", b"x")]:
    print(repr(b), repr(r), repr(urljoin(b, r)))
attempt("mixed join", lambda: urljoin("http://a/", b"b"))
attempt("mixed split", lambda: urlsplit(b"http://a/", "http"))

# bytes
bs = urlsplit(b"https://u:p@H:81/p?q#f")
print(bs, bs.hostname, bs.port, bs.username, bs.password, bs.geturl(), bs.decode())
print(urlparse(b"http://h/p;a?q#f"), urldefrag(b"http://h/p#x"), urldefrag(b"http://h/p"))
print(urlsplit("http://h/p").encode(), urlparse("http://h/p;x").encode("utf-8"), urldefrag("a#b").encode())
print(type(urlsplit("x")).__mro__[1:3], SplitResult._fields, ParseResult._fields, DefragResult._fields)
print(urlunsplit(("http", "h", "p", "q", "f")), urlunparse(("http", "h", "/p", "a", "q", "f")))
print(urlunsplit(("", "", "//x", "", "")), urlunsplit(("http", "", "/x", "", "")), urlunsplit(("mailto", "", "a@b", "", "")))
print(urlunsplit((b"http", b"h", b"/p", b"", b"")), urlunparse(["", "", "p", "", "", ""]))
r = urlsplit("http://h/p?q")
print(r._replace(query="z").geturl(), r.scheme, r[1])
print(urldefrag("http://h/p?q#"), urldefrag("http://h/p;x#y"))

# quoting
for s in ["", "abc", "a b&c=d/e", "~user/._-", "\u00e9\u20ac\U0001f600", "100%", "a+b", "/"]:
    print(repr(s), quote(s), quote(s, safe=""), quote_plus(s), quote_plus(s, safe="/"),
          quote(s, encoding="latin-1", errors="replace"))
print(quote(b"a b\xff"), quote_from_bytes(b"a/b c", safe=""), quote_from_bytes(b""), quote_plus(b"a b"))
print(quote("a:b@c", safe=":@"), quote("abc", safe=b"b"), quote_from_bytes(bytearray(b"x y")))
attempt("quote bytes encoding", lambda: quote(b"x", encoding="utf-8"))
attempt("quote bytes errors", lambda: quote(b"x", errors="strict"))
attempt("quote_from_bytes str", lambda: quote_from_bytes("x"))
attempt("quote int", lambda: quote(5))
for s in ["", "abc", "%41%42", "%e9", "%C3%A9", "%zz%4", "100%", "%", "a+b", "%C3", "%E2%82%AC %",
          "\u00e9%41", "%%41", "%4"]:
    print(repr(s), repr(unquote(s)), repr(unquote(s, errors="strict") if "%C3" != s and "%e9" != s else "-"),
          repr(unquote_plus(s)), unquote_to_bytes(s), repr(unquote(s, encoding="latin-1")))
print(unquote(b"%41b"), unquote_to_bytes(b"a%20b"), unquote_to_bytes(""), unquote_plus("a+b%2B"))
attempt("unquote strict", lambda: unquote("%C3", errors="strict"))
attempt("unquote_to_bytes None", lambda: unquote_to_bytes(None))
attempt("unquote None", lambda: unquote(None))

# queries
for qs in ["a=1&b=2&a=3", "a=&b", "a", "=x", "a=1;b=2", "a=%20b+c&%3D=%26", "", "&&a=1&&",
           "a=1&a=&a", "x=\u00e9&y=%E9"]:
    print(repr(qs), parse_qsl(qs), parse_qsl(qs, keep_blank_values=True), parse_qs(qs),
          parse_qs(qs, keep_blank_values=True))
print(parse_qsl("a=1;b=2", separator=";"), parse_qsl(b"a=1&b=%20"), parse_qs(b"k=v&k=w"))
print(parse_qsl("x=%E9", encoding="latin-1"), parse_qsl("x=%E9", errors="strict" if False else "replace"))
attempt("strict bad field", lambda: parse_qsl("a=1&b", strict_parsing=True))
attempt("strict empty", lambda: parse_qsl("a=1&&b=2", strict_parsing=True))
attempt("max fields", lambda: parse_qsl("a=1&b=2&c=3", max_num_fields=2))
print(parse_qsl("a=1&b=2", max_num_fields=2))
attempt("separator", lambda: parse_qsl("a=1", separator=""))
attempt("separator type", lambda: parse_qsl("a=1", separator=None))
attempt("bytes non-ascii result", lambda: parse_qsl(b"a=%C3%A9"))

print(urlencode({"a": 1, "b": "x y", "c": b"\xff"}), urlencode([("a", "1"), ("a", "2")]))
print(urlencode({"a": [1, 2], "b": "xy", "c": (b"z",)}, doseq=True), urlencode({"a": [1, 2]}))
print(urlencode({"p": "a/b c"}, safe="/"), urlencode({"p": "a b"}, quote_via=quote))
print(urlencode({"\u00e9": "\u20ac"}), urlencode({"\u00e9": "\u20ac"}, encoding="latin-1", errors="replace"))
print(urlencode({"n": None, "t": True, "f": 1.5}, doseq=True), urlencode([]), urlencode({}))
attempt("urlencode str", lambda: urlencode("abc"))
attempt("urlencode bad pairs", lambda: urlencode([("a",)]))
attempt("urlencode int", lambda: urlencode(5))

print(up.unwrap("<URL:http://x/>"), up.unwrap("  <http://y/> "), up.unwrap("URL:z"), up.unwrap("plain"))
print(up.uses_netloc[:3], "sftp" in up.uses_relative, up.scheme_chars[-4:])
up.clear_cache()
print(urlsplit("http://after/clear"))
