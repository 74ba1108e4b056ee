"""Escaping and unescaping text for HTML."""

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Return s with &, < and > (and both quotes, when quote is true)
    written as character references, safe to put in HTML text."""
    # "&" first, so the references made below are not escaped again.
    for char, reference in _ESCAPES if quote else _ESCAPES[:3]:
        s = s.replace(char, reference)
    return s


_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"),
            ('"', "&quot;"), ("'", "&#x27;"))


def unescape(s):
    """Return s with its named and numeric character references replaced
    by the characters they stand for, by HTML5's rules (including its
    repairs of invalid references)."""
    if '&' not in s:
        return s
    return _unescape_references(s)
