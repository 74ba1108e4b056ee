# string.Template and string.Formatter in detail: patterns of subclasses,
# mappings and keywords, error positions, identifiers; Formatter's field
# numbering, nesting limit, conversions and overridable steps.
import inspect
import string
from collections import OrderedDict


def attempt(label, make):
    try:
        print(label, "->", repr(make()))
    except Exception as e:
        print(label, "->", type(e).__name__, e.args)


T = string.Template
print(T.delimiter, T.idpattern, T.braceidpattern, T.flags)
print(type(T.pattern).__name__, sorted(T.pattern.groupindex))
print(inspect.signature(T.substitute), inspect.signature(T.safe_substitute))
t = T("$who owes ${amount} to $Who; $$ is a dollar, $_x and ${_y}")
attempt("substitute kws", lambda: t.substitute(who="ann", amount=5, Who="bob", _x=1, _y=2))
attempt("mapping", lambda: t.substitute({"who": "m", "amount": 1, "Who": "W", "_x": 0, "_y": 9}))
attempt("kws win", lambda: t.substitute({"who": "m", "amount": 1, "Who": "W", "_x": 0, "_y": 9},
                                        who="k"))
attempt("missing", lambda: t.substitute(who="ann"))
attempt("safe missing", lambda: t.safe_substitute(who="ann"))
attempt("safe kws win", lambda: t.safe_substitute({"who": "m"}, who="k"))
attempt("non-str values", lambda: T("$a $b").substitute(a=[1], b=None))
for text in ("$", "abc $", "line\n  $1", "a\nb\nc ${", "${a b}", "$$$", "x\r\ny$-", "${}",
             "$a$", "\u2028$!"):
    attempt(repr(text), lambda: T(text).substitute(a=1))
    attempt("  safe", lambda: T(text).safe_substitute(a=1))
    attempt("  valid", lambda: T(text).is_valid())
    attempt("  ids", lambda: T(text).get_identifiers())
print(T("$a ${b} $a $$ ${c} $b").get_identifiers())
print(T("$é").get_identifiers(), T("$abc1_2x").get_identifiers())


class Percent(T):
    delimiter = "%"


class Braced(T):
    braceidpattern = r"[a-z]+\.[a-z]+"


class CaseSensitive(T):
    flags = 0


class Dash(T):
    idpattern = r"[a-z][-a-z]*"


class OwnPattern(T):
    pattern = r"""
    \[\[(?:
      (?P<escaped>\[\[) |
      (?P<named>[a-z]+)\]\] |
      (?P<braced>) (?!) |
      (?P<invalid>)
    )
    """


class Broken(T):
    pattern = r"@(?P<other>[a-z]+)"


class TwoChar(T):
    delimiter = "<<"


attempt("percent", lambda: Percent("%who 100%% %{x}").substitute(who="a", x="b"))
attempt("percent regex chars", lambda: Percent("50%").substitute())
attempt("braced", lambda: Braced("${a.b} $a").substitute({"a.b": 1, "a": 2}))
attempt("braced plain", lambda: Braced("${a}").substitute(a=1))
attempt("case", lambda: CaseSensitive("$abc $ABC").safe_substitute(abc=1, ABC=2))
attempt("dash", lambda: Dash("$a-b-c!").substitute({"a-b-c": "x"}))
attempt("own", lambda: OwnPattern("[[name]] [[[[ [[bad").safe_substitute(name="N"))
attempt("own invalid", lambda: OwnPattern("x\n[[BAD").substitute())
attempt("own ids", lambda: OwnPattern("[[a]] [[b]] [[a]]").get_identifiers())
attempt("broken sub", lambda: Broken("@abc").substitute(abc=1))
attempt("broken safe", lambda: Broken("@abc").safe_substitute(abc=1))
attempt("broken valid", lambda: Broken("@abc").is_valid())
attempt("broken ids", lambda: Broken("@abc").get_identifiers())
attempt("two char", lambda: TwoChar("<<a <<<< x\n  <<").substitute(a=1))
print(Percent.pattern.flags == T.pattern.flags, CaseSensitive.pattern.flags & 2)
print(t.template, T("x").template)
try:
    class BadFlags(T):
        pattern = T.pattern
except Exception as e:
    print("compiled pattern:", type(e).__name__, e)

print(repr(string.capwords("  hello   wide\tworld  ")), repr(string.capwords("a-b--c", "-")),
      repr(string.capwords("ÉCOLE école", None)), repr(string.capwords("")))
attempt("capwords empty sep", lambda: string.capwords("abc", ""))

# Formatter.
f = string.Formatter()
attempt("basic", lambda: f.format("{} {} {x}", 1, 2, x=3))
attempt("manual", lambda: f.format("{1}{0}{1}", "a", "b"))
attempt("auto then manual", lambda: f.format("{}{0}", 1))
attempt("manual then auto", lambda: f.format("{0}{}", 1))
attempt("attr not manual", lambda: f.format("{0.real}{}", 5))
attempt("nested spec", lambda: f.format("{0:{1}}|", "x", 5))
attempt("nested auto", lambda: f.format("{:{}}|{}", "x", 4, "y"))
attempt("too deep", lambda: f.format("{0:{1:{2}}}", 1, 2, 3))
attempt("index/key", lambda: f.format("{0[1]} {0[k]} {d[a][0]}", {1: "one", "k": "kay"},
                                      d={"a": "z"}))
attempt("conversions", lambda: f.format("{0!s} {0!r} {0!a}", "é"))
attempt("bad conversion", lambda: f.format("{0!x}", 1))
attempt("conv and spec", lambda: f.format("{0!r:>6}", "a"))
attempt("missing index", lambda: f.format("{3}", 1))
attempt("missing key", lambda: f.format("{nope}"))
attempt("escapes", lambda: f.format("{{}} {{{0}}}", 7))
attempt("single }", lambda: f.format("a}b"))
attempt("single {", lambda: f.format("a{"))
attempt("unclosed", lambda: f.format("{0"))
attempt("bad spec", lambda: f.format("{0:q}", 1))
attempt("vformat", lambda: f.vformat("{a}{0}", (1,), {"a": 2}))
attempt("kw format_string", lambda: f.format(format_string="{}"))
print(list(f.parse("a{0!r:>{w}}b{{c}}{x.y[z]}")))
print(f.get_field("0.real", [3], {}), f.get_field("k[0]", [], {"k": "xy"}))
print(f.get_value(0, ["a"], {}), f.get_value("k", [], {"k": 1}))
print(f.convert_field(3, None), f.convert_field("x", "r"), f.format_field(3.14159, ".2f"))
print(f.check_unused_args({0}, (1, 2), {}))


class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(range(len(args))) | set(kwargs)
        unused -= used_args
        if unused:
            raise ValueError("unused: %s" % sorted(map(str, unused)))


class Upper(string.Formatter):
    def format_field(self, value, format_spec):
        return format(value, format_spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<%s>" % key
        return super().get_value(key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value) * 2
        return super().convert_field(value, conversion)


class Logging(string.Formatter):
    def parse(self, format_string):
        for part in super().parse(format_string):
            print("  part", part)
            yield part


attempt("strict ok", lambda: Strict().format("{0}{a}", 1, a=2))
attempt("strict unused", lambda: Strict().format("{0}", 1, 2, b=3))
attempt("upper", lambda: Upper().format("{0} {missing} {0!u}", "ab"))
attempt("logging", lambda: Logging().format("x{0:{1}}y", 1, 3))
