# urllib.parse: splitting, joining (RFC 3986 examples), quoting and query strings, str and bytes.
from urllib.parse import *
import urllib.parse as up
urls = ["http://user:pw@Example.COM:8080/a/b;p?q=1&r=2#frag", "https://[::1]:443/path", "ftp://ftp.x.org/pub/file.txt",
        "mailto:someone@example.com", "//netloc/only", "/just/a/path?x", "relative/path#f", "file:///etc/passwd",
        "http://host", "http://host:/", "  http://a\tb.com/x\ny ", "HTTP://X.Y/Z", "svn+ssh://h/p", "tel:+1-816-555-1212;ext=1",
        "http://h/p;a;b?q#", "path;params", "http://a/b/c/d;p?q", "s3://bucket/key", "http://%41:%42@h/", "",
        "http://[fe80::1%25eth0]:80/", "1http://x", "http:///p", "http://h?q#f#g"]
for u in urls:
    r = urlparse(u); s = urlsplit(u)
    print(repr(u)); print(" ", r); print(" ", s)
    print("  geturl", r.geturl(), s.geturl(), urlunparse(r), urlunsplit(s))
    try:
        print("  parts", r.username, r.password, r.hostname, r.port)
    except ValueError as e:
        print("  port error:", e)
    print("  nofrag", urlparse(u, allow_fragments=False), urlsplit(u, "zz"))
for bad in ["http://h:99999/", "http://h:abc/", "http://[::1/", "http://::1]/"]:
    try:
        print(urlsplit(bad).port)
    except ValueError as e:
        print("ValueError", e)
base = "http://a/b/c/d;p?q"
for rel in ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g", "../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x", "http:g", "https://other/x", "mailto:x"]:
    print(repr(rel), urljoin(base, rel), urljoin("http://a/b/", rel, allow_fragments=False))
print(urljoin("", "x"), urljoin("http://a", ""), urljoin("http://a", "b"), urljoin("mailto:a", "b"), urljoin(b"http://a/b/", b"../c"))
print(urldefrag("http://a/b#c"), urldefrag("http://a/b"), urldefrag("http://a/b#c").geturl(), urldefrag(b"x#y"))
print(urlparse(b"http://u@h:1/p;q?x#y"), urlsplit(b"http://h/p").hostname, urlparse(b"http://h/p").decode(), urlsplit("http://h/").encode())
for s in ["a b&c", "/path/with spaces/é", "safe~._-", "100%", "", "a+b=c", "中文"]:
    print(repr(s), quote(s), quote(s, safe=""), quote_plus(s), quote_plus(s, safe="/"), quote(s.encode()), quote(s, safe="é"))
print(quote(b"a b\xff"), quote_from_bytes(b"\x00/x"), quote_plus(b"a b"), quote("a&b", "&"), quote("x", b"x"))
for s in ["a%20b", "%E4%B8%AD%E6%96%87", "%zz%4", "abc", "%41%42%43", "a+b%2B", "%", "%C3%A9x%41", "é%20é"]:
    print(repr(s), unquote(s), unquote_plus(s), unquote_to_bytes(s), unquote(s.encode()))
for q in ["a=1&b=2&a=3", "a=&b", "a=1;b=2", "x=%20y+z&&=v", "", "a", "k=v=w", "a=1&a=2&b=%E4%B8%AD"]:
    print(repr(q), parse_qs(q), parse_qsl(q), parse_qs(q, keep_blank_values=True), parse_qsl(q, keep_blank_values=True, separator=";"))
print(parse_qsl(b"a=1&b=%20"), parse_qs(b"x=1&x=2"))
for f in [lambda: parse_qsl("a&b", strict_parsing=True), lambda: parse_qsl("a=1&b=2", max_num_fields=1), lambda: parse_qsl("a=1", separator=""),
          lambda: urlencode("abc"), lambda: urlencode([1, 2]), lambda: quote(1), lambda: quote(b"x", encoding="utf-8"), lambda: urlsplit("http://x", b"h"), lambda: quote_from_bytes("x"), lambda: unquote_to_bytes(None), lambda: unquote(None)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(urlencode({"a": 1, "b": "x y", "c": ["1", "2"], "d": b"\xff"}), urlencode({"c": ["1", "2"], "n": 3, "t": (4, 5)}, doseq=True))
print(urlencode([("a", "b/c"), ("é", "ü")]), urlencode({"a": "b/c"}, safe="/"), urlencode({"a": "b c"}, quote_via=quote))
print(up.uses_netloc[:3], up.unwrap("<URL:http://x/>"), SplitResult("a", "b", "c", "d", "e")._replace(scheme="z").geturl())
print(ParseResult._fields, isinstance(urlparse("x"), tuple), urlparse("http://h/p")[1], type(urlparse(b"x")).__name__)
