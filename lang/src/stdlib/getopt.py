# `getopt`: C-style command-line option parsing (getopt and gnu_getopt).

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    opt = ""
    msg = ""

    def __init__(self, msg, opt=""):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def getopt(args, shortopts, longopts=[]):
    """Parse options until the first argument that is not one; returns
    (list of (option, value) pairs, remaining arguments)."""
    args = list(args)
    longopts = [longopts] if isinstance(longopts, str) else list(longopts)
    opts = []
    while args and args[0].startswith("-") and args[0] != "-":
        first, args = args[0], args[1:]
        if first == "--":
            break
        if first.startswith("--"):
            args = _long_option(opts, first[2:], longopts, args)
        else:
            args = _short_options(opts, first[1:], shortopts, args)
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt, but options and other arguments may be mixed, unless
    `shortopts` starts with '+' or POSIXLY_CORRECT is set."""
    args = list(args)
    longopts = [longopts] if isinstance(longopts, str) else list(longopts)
    stop_at_first_argument = False
    if shortopts.startswith("+"):
        shortopts = shortopts[1:]
        stop_at_first_argument = True
    else:
        import os
        stop_at_first_argument = bool(os.environ.get("POSIXLY_CORRECT"))
    opts = []
    rest = []
    while args:
        first, args = args[0], args[1:]
        if first == "--":
            rest.extend(args)
            break
        if first.startswith("--"):
            args = _long_option(opts, first[2:], longopts, args)
        elif first.startswith("-") and first != "-":
            args = _short_options(opts, first[1:], shortopts, args)
        elif stop_at_first_argument:
            rest.append(first)
            rest.extend(args)
            break
        else:
            rest.append(first)
    return opts, rest


def _long_option(opts, text, longopts, args):
    name, eq, value = text.partition("=")
    value = value if eq else None
    takes_value, name = _match_long(name, longopts)
    if takes_value:
        if value is None:
            if not args:
                raise GetoptError("option --%s requires argument" % name, name)
            value, args = args[0], args[1:]
    elif value is not None:
        raise GetoptError("option --%s must not have an argument" % name, name)
    opts.append(("--" + name, value or ""))
    return args


def _match_long(name, longopts):
    """(takes a value, full name) for a long option or a unique prefix of one."""
    candidates = [o for o in longopts if o.startswith(name)]
    if not candidates:
        raise GetoptError("option --%s not recognized" % name, name)
    if name in candidates:
        return False, name
    if name + "=" in candidates:
        return True, name
    if len(candidates) > 1:
        raise GetoptError("option --%s not a unique prefix" % name, name)
    match = candidates[0]
    if match.endswith("="):
        return True, match[:-1]
    return False, match


def _short_options(opts, letters, shortopts, args):
    while letters:
        letter, letters = letters[0], letters[1:]
        if _short_takes_value(letter, shortopts):
            if not letters:
                if not args:
                    raise GetoptError("option -%s requires argument" % letter, letter)
                letters, args = args[0], args[1:]
            value, letters = letters, ""
        else:
            value = ""
        opts.append(("-" + letter, value))
    return args


def _short_takes_value(letter, shortopts):
    for i, c in enumerate(shortopts):
        if c == letter and c != ":":
            return shortopts.startswith(":", i + 1)
    raise GetoptError("option -%s not recognized" % letter, letter)
