# `string`: character-class constants, capwords and Template.

__all__ = [
    "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits",
    "octdigits", "printable", "punctuation", "whitespace", "Formatter", "Template",
]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


def _is_identifier_start(c):
    return c == "_" or ("a" <= c.lower() <= "z")


class Template:
    # `$name`, `${name}` and `$$`, scanned by hand (towel has no `re`).
    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        s = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(s)
        while i < n:
            c = s[i]
            if c != d:
                out.append(c)
                i += 1
                continue
            if i + 1 < n and s[i + 1] == d:
                out.append(d)
                i += 2
                continue
            braced = i + 1 < n and s[i + 1] == "{"
            j = i + 2 if braced else i + 1
            k = j
            if k < n and _is_identifier_start(s[k]):
                k += 1
                while k < n and (s[k] == "_" or s[k].isalnum() and s[k].isascii()):
                    k += 1
            name = s[j:k]
            if not name or (braced and (k >= n or s[k] != "}")):
                if safe:
                    out.append(d)
                    i += 1
                    continue
                lineno = s.count("\n", 0, i) + 1
                colno = i - (s.rfind("\n", 0, i) + 1) + 1
                raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")
            end = k + 1 if braced else k
            try:
                out.append(str(mapping[name]))
            except KeyError:
                if not safe:
                    raise
                out.append(s[i:end])
            i = end
        return "".join(out)

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        return self._scan(mapping, True)

    def get_identifiers(self):
        ids = []

        class Collect(dict):
            def __missing__(self, key):
                if key not in ids:
                    ids.append(key)
                return ""

        self._scan(Collect(), True)
        return ids

    def is_valid(self):
        try:
            self._scan({}, False)
        except KeyError:
            return True
        except ValueError:
            return False
        return True


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)
