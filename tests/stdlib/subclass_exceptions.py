# Exception hierarchies as programs write them: extra attributes, custom
# __init__/__str__/__repr__, args, chaining, multiple inheritance, OSError's
# errno fields, ExceptionGroup subclasses with derive, SystemExit codes.


class AppError(Exception):
    """Base of the application's errors."""

    def __init__(self, message, *, code=1):
        super().__init__(message)
        self.code = code


class ConfigError(AppError):
    pass


class ValidationError(AppError, ValueError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}", code=22)
        self.field = field


try:
    raise ValidationError("port", "must be positive")
except ValueError as e:
    print(type(e).__name__, e, repr(e), e.args, e.code, e.field, isinstance(e, AppError), isinstance(e, Exception))
print(ValidationError.__mro__)
print(ConfigError("bad", code=3).code, str(ConfigError("x")), repr(ConfigError("x")), ConfigError.__bases__, issubclass(ConfigError, Exception))


class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b


e = NoSuper(1, 2)
print(e.args, str(e), repr(e), e.a + e.b)


class Pretty(Exception):
    def __str__(self):
        return "pretty: " + ", ".join(map(str, self.args))

    def __repr__(self):
        return f"Pretty{self.args!r}"


p = Pretty(1, "two")
print(str(p), repr(p), f"{p}", [p], p.args)
try:
    raise Pretty("boom")
except Exception as caught:
    print("caught", caught, type(caught) is Pretty)


class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)


print(WithDefault(), WithDefault("given"), WithDefault().args)


class NotFound(KeyError):
    pass


print(str(NotFound("k")), repr(NotFound("k")), str(KeyError("k")), NotFound("a", "b"))
try:
    {}["x"]
except KeyError as e:
    print(type(e).__name__, e)


def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise NotFound(k) from e


try:
    lookup({}, "key")
except NotFound as e:
    print("chained", repr(e), repr(e.__cause__), e.__suppress_context__, type(e.__context__).__name__)


class MyOSError(OSError):
    pass


o = MyOSError(2, "No such file", "a.txt")
print(o.errno, o.strerror, o.filename, str(o), o.args, type(o).__name__)
print(str(MyOSError("plain")), MyOSError("plain").errno)
try:
    open("/nonexistent/for/sure")
except OSError as err:
    print(type(err).__name__, err.errno, isinstance(err, FileNotFoundError))


class Retry(RuntimeError):
    attempts = 0

    def __init__(self, *args):
        Retry.attempts += 1
        super().__init__(*args)


for i in range(3):
    try:
        raise Retry("again", i)
    except Retry as r:
        last = r
print(Retry.attempts, last.args, str(last))


class Exit(SystemExit):
    pass


try:
    raise Exit(3)
except SystemExit as se:
    print("exit code", se.code, type(se).__name__, isinstance(se, BaseException), isinstance(se, Exception))


class Stop(StopIteration):
    pass


def gen():
    yield 1
    return "done"


g = gen()
next(g)
try:
    next(g)
except StopIteration as si:
    print("stop", si.value)
print(Stop(5).value, Stop().value)


class Errors(ExceptionGroup):
    def derive(self, excs):
        return Errors(self.message, excs)


eg = Errors("several", [ValueError(1), TypeError(2), ValueError(3)])
match, rest = eg.split(ValueError)
print(type(eg).__name__, eg.message, len(eg.exceptions), type(match).__name__, [repr(x) for x in match.exceptions], type(rest).__name__, repr(rest))
try:
    raise Errors("grouped", [KeyError("a"), OSError("b")])
except* KeyError as ke:
    print("star", type(ke).__name__, ke.exceptions)
except* OSError as oe:
    print("star", type(oe).__name__, oe.exceptions)


class Warnish(UserWarning):
    pass


print(issubclass(Warnish, Warning), Warnish("w").args, Warnish.__mro__[1:3])


class Attr(AttributeError):
    pass


class Obj:
    def __getattr__(self, name):
        raise Attr(f"no {name}")


print(getattr(Obj(), "missing", "fallback"), hasattr(Obj(), "x"))


class Base(Exception):
    def __init__(self, *args, **kwargs):
        self.extra = kwargs
        super().__init__(*args)


b = Base("m", k=1)
print(b.extra, b.args, str(b))
try:
    raise Base
except Base as e:
    print("bare class", repr(e), e.args, e.extra)
print(Exception.__subclasses__ is not None, AppError.__subclasses__())
e1 = AppError("one")
e1.note = "attached"
e1.add_note("a note")
print(e1.__notes__, e1.note)
print(ValidationError.__init__.__qualname__, ValidationError.__str__ is Exception.__str__)
