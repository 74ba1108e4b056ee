# `locale`: the C and C.UTF-8 locales, which are the ones towel provides.
# Categories keep their setting here; numbers format and parse as the C
# locale does (no grouping, "." as the decimal point).

import os as _os

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error", "setlocale", "localeconv",
           "strcoll", "strxfrm", "str", "atof", "atoi", "format_string", "currency", "normalize",
           "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY", "LC_NUMERIC", "LC_ALL", "LC_MESSAGES",
           "CHAR_MAX", "getencoding", "delocalize", "localize"]

_builtin_str = str

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

_CATEGORY_NAMES = ("LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES")
_COMPOSITE_EXTRA = ("LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION")


class Error(Exception):
    pass


Error.__module__ = "locale"


def _supported(name):
    # The canonical spelling of a locale towel has, or None.
    if name in ("C", "POSIX"):
        return name
    if name.lower().replace("-", "") in ("c.utf8",):
        return "C.UTF-8"
    return None


def _from_environment(category):
    for variable in ("LC_ALL", _CATEGORY_NAMES[category] if category < 6 else "LC_ALL", "LANG"):
        value = _os.environ.get(variable)
        if value:
            return value
    return "C"


# Python starts with LC_CTYPE taken from the environment, the rest "C".
_settings = ["C"] * 6
_settings[LC_CTYPE] = _supported(_from_environment(LC_CTYPE)) or "C"


def _check_category(category):
    if not isinstance(category, int):
        raise TypeError(f"'{type(category).__name__}' object cannot be interpreted as an integer")
    if not 0 <= category <= LC_ALL:
        raise Error("invalid locale category")


def _query(category):
    if category != LC_ALL:
        return _settings[category]
    if len(set(_settings)) == 1:
        return _settings[0]
    parts = [f"{name}={value}" for name, value in zip(_CATEGORY_NAMES, _settings)]
    parts += [f"{name}=C" for name in _COMPOSITE_EXTRA]
    return ";".join(parts)


def setlocale(category, locale=None):
    _check_category(category)
    if locale is None:
        return _query(category)
    if not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    categories = range(6) if category == LC_ALL else (category,)
    if locale == "":
        chosen = [_supported(_from_environment(c)) for c in categories]
        if None in chosen:
            raise Error("unsupported locale setting")
    else:
        name = _supported(locale)
        if name is None:
            raise Error("unsupported locale setting")
        chosen = [name] * len(categories)
    for c, name in zip(categories, chosen):
        _settings[c] = name
    return _query(category)


def _build_localename(localetuple):
    language, encoding = localetuple
    if language is None:
        language = "C"
    if encoding is None:
        return language
    return language + "." + encoding


def _parse_localename(localename):
    code = normalize(localename)
    if "@" in code:
        code, modifier = code.split("@", 1)
        if modifier == "euro" and "." not in code:
            return code, "iso-8859-15"
    if "." in code:
        return tuple(code.split(".")[:2])
    if code in ("C", "POSIX"):
        return None, None
    if code == "UTF-8":
        return None, "UTF-8"
    raise ValueError(f"unknown locale: {localename}")


def getlocale(category=LC_CTYPE):
    if category == LC_ALL:
        raise TypeError("category LC_ALL is not supported")
    _check_category(category)
    return _parse_localename(_settings[category])


def getdefaultlocale(envvars=("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE")):
    import warnings
    warnings.warn("Use setlocale(), getencoding() and getlocale() instead", DeprecationWarning, stacklevel=2)
    for variable in envvars:
        value = _os.environ.get(variable)
        if value:
            if variable == "LANGUAGE":
                value = value.split(":")[0]
            break
    else:
        value = "C"
    return _parse_localename(value)


def normalize(localename):
    # The few aliases of the locales towel knows; anything else is returned as given.
    code = localename.lower()
    if code in ("c", "posix"):
        return localename.upper() if code == "c" else "POSIX"
    if code.replace("-", "") in ("c.utf8", "c.utf8@euro"):
        return "en_US.UTF-8"
    if code.replace("-", "") in ("en_us.utf8",):
        return "en_US.UTF-8"
    if code == "en_us":
        return "en_US.ISO8859-1"
    return localename


def _encoding_of(name):
    return "UTF-8" if name == "C.UTF-8" else "ANSI_X3.4-1968"


def getencoding():
    return _encoding_of(_settings[LC_CTYPE])


def getpreferredencoding(do_setlocale=True):
    if do_setlocale:
        # What the environment's locale would give, as after setlocale(LC_CTYPE, "").
        return _encoding_of(_supported(_from_environment(LC_CTYPE)) or "C")
    return getencoding()


_C_CONVENTIONS = {
    "int_curr_symbol": "", "currency_symbol": "", "mon_decimal_point": "", "mon_thousands_sep": "",
    "mon_grouping": [], "positive_sign": "", "negative_sign": "", "int_frac_digits": CHAR_MAX,
    "frac_digits": CHAR_MAX, "p_cs_precedes": CHAR_MAX, "p_sep_by_space": CHAR_MAX,
    "n_cs_precedes": CHAR_MAX, "n_sep_by_space": CHAR_MAX, "p_sign_posn": CHAR_MAX,
    "n_sign_posn": CHAR_MAX, "decimal_point": ".", "thousands_sep": "", "grouping": [],
}


def localeconv():
    return {key: (list(value) if isinstance(value, list) else value) for key, value in _C_CONVENTIONS.items()}


def strcoll(a, b):
    return (a > b) - (a < b)


def strxfrm(s):
    return s


def format_string(f, val, grouping=False, monetary=False):
    # The C locale has no grouping and "." as its decimal point: plain %.
    return f % val


def format(percent, value, grouping=False, monetary=False, *additional):
    import warnings
    warnings.warn("This method will be removed in a future version of Python. Use 'locale.format_string()' instead.", DeprecationWarning, stacklevel=2)
    return format_string(percent, value, grouping, monetary)


def currency(val, symbol=True, grouping=False, international=False):
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    return format_string("%.12g", val)


def delocalize(string):
    return string


def localize(string, grouping=False, monetary=False):
    return string


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))
