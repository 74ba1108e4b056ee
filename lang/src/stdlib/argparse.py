"""Command-line option and argument parsing (the argparse module).

The module has three parts:

* the argument catalogue: actions, argument groups and the parser that
  registers them (`_Catalogue` is the one store a parser shares with its groups);
* the matching engine (`_Scan`): it classifies each argument string as an
  option or a value, gives values to options and to positionals in the
  order CPython does, and records what it saw;
* the help layout engine (`HelpFormatter`): it collects the usage, text and
  argument blocks of a help message into a tree of sections and renders them
  once, when it knows the widest argument of all.
"""

import os as _os
import sys as _sys

__all__ = [
    "ArgumentParser", "ArgumentError", "ArgumentTypeError", "BooleanOptionalAction",
    "FileType", "HelpFormatter", "ArgumentDefaultsHelpFormatter",
    "RawDescriptionHelpFormatter", "RawTextHelpFormatter", "MetavarTypeHelpFormatter",
    "Namespace", "Action", "ONE_OR_MORE", "OPTIONAL", "PARSER", "REMAINDER",
    "SUPPRESS", "ZERO_OR_MORE",
]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."

# Where a subparser leaves the strings it did not recognise for its parent.
_LEFTOVER_ATTR = "_unrecognized_args"


def _class_call_repr(obj, fields):
    """'Name(a=1, b=2, **{'not-an-identifier': 3})' for (name, value) pairs."""
    shown = []
    odd = {}
    for name, value in fields:
        if name.isidentifier():
            shown.append("%s=%r" % (name, value))
        else:
            odd[name] = value
    if odd:
        shown.append("**%r" % (odd,))
    return "%s(%s)" % (type(obj).__name__, ", ".join(shown))


def _display_name(action):
    """How error messages name an argument: its option strings, metavar or dest."""
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    for candidate in (action.metavar, action.dest):
        if candidate not in (None, SUPPRESS):
            return candidate
    if action.choices:
        return "{%s}" % ",".join(action.choices)
    return None


# ---------------------------------------------------------------------------
# Errors

class ArgumentError(Exception):
    """A problem with one argument (or with the command line as a whole)."""

    def __init__(self, argument, message):
        self.argument_name, self.message = _display_name(argument), message

    def __str__(self):
        about = self.argument_name
        return str(self.message) if about is None else f"argument {about}: {self.message}"


class ArgumentTypeError(Exception):
    """Raised by a type= function to report an unacceptable string."""


# ---------------------------------------------------------------------------
# Namespace and FileType

class Namespace:
    """A plain object whose attributes are the parsed values."""

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __eq__(self, other):
        return vars(self) == vars(other) if isinstance(other, Namespace) else NotImplemented

    def __contains__(self, key):
        return key in self.__dict__

    def __repr__(self):
        return _class_call_repr(self, vars(self).items())


class FileType:
    """A type= factory that opens the named file ('-' means stdin/stdout)."""

    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        # Exactly open()'s arguments after the file name.
        self._open_args = (mode, bufsize, encoding, errors)

    def __call__(self, string):
        mode = self._open_args[0]
        if string != "-":
            try:
                return open(string, *self._open_args)
            except OSError as exc:
                raise ArgumentTypeError("can't open '%s': %s" % (string, exc))
        if "r" in mode:
            stream = _sys.stdin
        elif set(mode) & set("wax"):
            stream = _sys.stdout
        else:
            raise ValueError('argument "-" with mode %r' % mode)
        return stream.buffer if "b" in mode else stream

    def __repr__(self):
        mode, bufsize, encoding, errors = self._open_args
        shown = [repr(mode)] + ([repr(bufsize)] if bufsize != -1 else [])
        shown += ["%s=%r" % pair for pair in (("encoding", encoding), ("errors", errors))
                  if pair[1] is not None]
        return "FileType(%s)" % ", ".join(shown)


# ---------------------------------------------------------------------------
# Actions
#
# An action's settings are the ten fields below.  Each built-in action class
# names the settings its constructor accepts (its signature is public: a
# wrong keyword is a TypeError naming the class) and fixes the rest; the
# storing actions differ only in how they merge a new value with the one
# already in the namespace (`_merge`).

_ACTION_DEFAULTS = {
    "option_strings": None, "dest": None, "nargs": None, "const": None, "default": None,
    "type": None, "choices": None, "required": False, "help": None, "metavar": None,
}


class Action:
    """What to do with an argument once its strings are known.

    Subclasses implement __call__(parser, namespace, values, option_string).
    """

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None):
        self._configure(locals())

    def _configure(self, given, **fixed):
        """Set the fields from `given` (a constructor's locals()) and `fixed`;
        fields neither mentions keep Action's defaults."""
        fields = dict(_ACTION_DEFAULTS)
        fields.update((name, given[name]) for name in _ACTION_DEFAULTS if name in given)
        fields.update(fixed)
        self.__dict__.update(fields)

    def __repr__(self):
        return _class_call_repr(self, [(name, getattr(self, name)) for name in _ACTION_DEFAULTS])

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


_NOTHING_TO_STORE = ("store", "if you have nothing to store, actions such as store true "
                     "or store const may be more appropriate")
_NOTHING_TO_APPEND = ("append", "if arg strings are not supplying the value to append, "
                      "the append const action may be more appropriate")


def _vet_value_count(given, wording):
    """Value-taking actions need values, and take const only with nargs='?'."""
    kind, advice = wording
    if given["nargs"] == 0:
        raise ValueError("nargs for %s actions must be != 0; %s" % (kind, advice))
    if given["const"] is not None and given["nargs"] != OPTIONAL:
        raise ValueError("nargs must be %r to supply const" % OPTIONAL)


class _MergingAction(Action):
    """A built-in action that stores `_merge(previous value, new values)`."""

    def __call__(self, parser, namespace, values, option_string=None):
        previous = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, self._merge(previous, values))


def _grown(previous, items):
    """A new list: the previous one (if any) followed by `items`."""
    return ([] if previous is None else list(previous)) + list(items)


class _StoreAction(_MergingAction):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None):
        _vet_value_count(locals(), _NOTHING_TO_STORE)
        self._configure(locals())

    _merge = staticmethod(lambda previous, values: values)


class _StoreConstAction(_MergingAction):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        self._configure(locals(), nargs=0, metavar=None)

    def _merge(self, previous, values):
        return self.const


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        self._configure(locals(), nargs=0, const=True)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        self._configure(locals(), nargs=0, const=False)


class _AppendAction(_MergingAction):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None):
        _vet_value_count(locals(), _NOTHING_TO_APPEND)
        self._configure(locals())

    _merge = staticmethod(lambda previous, values: _grown(previous, [values]))


class _ExtendAction(_AppendAction):
    _merge = staticmethod(_grown)


class _AppendConstAction(_MergingAction):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        self._configure(locals(), nargs=0)

    def _merge(self, previous, values):
        return _grown(previous, [self.const])


class _CountAction(_MergingAction):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        self._configure(locals(), nargs=0)

    _merge = staticmethod(lambda previous, values: (previous or 0) + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        self._configure(locals(), nargs=0)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        self._configure(locals(), nargs=0)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        layout = parser._get_formatter()
        layout.add_text(parser.version if self.version is None else self.version)
        parser._print_message(layout.format_help(), _sys.stdout)
        parser.exit()


class BooleanOptionalAction(Action):
    """--flag stores True and --no-flag stores False."""

    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        negated = ["--no-" + option[2:] for option in option_strings if option.startswith("--")]
        spelled = _interleave(option_strings, negated)
        self._configure(locals(), nargs=0, option_strings=spelled)
        self._meaning = {option: not option.startswith("--no-") for option in spelled}

    def __call__(self, parser, namespace, values, option_string=None):
        meaning = self._meaning.get(option_string)
        if meaning is not None:
            setattr(namespace, self.dest, meaning)

    def format_usage(self):
        return " | ".join(self.option_strings)


def _interleave(options, negated):
    """Each long option followed by its --no- form."""
    spelled = []
    pending = iter(negated)
    for option in options:
        spelled.append(option)
        if option.startswith("--"):
            spelled.append(next(pending))
    return spelled


class _SubParsersAction(Action):
    """The positional that picks a sub-command and hands it the rest of the line.

    `choices` maps every command name and alias to its parser.
    """

    class _ChoicesPseudoAction(Action):
        """One sub-command's line in the parent's help."""

        def __init__(self, name, aliases, help):
            label = "%s (%s)" % (name, ", ".join(aliases)) if aliases else name
            self._configure({}, option_strings=[], dest=name, help=help, metavar=label)

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False,
                 help=None, metavar=None):
        self._configure(locals(), nargs=PARSER, choices={})
        self._command_prefix = prog
        self._make_parser = parser_class
        self._listed_commands = []

    def add_parser(self, name, **kwargs):
        aliases = tuple(kwargs.pop("aliases", ()))
        claims = [("subparser", name)] + [("subparser alias", alias) for alias in aliases]
        for what, claimed in claims:
            if claimed in self.choices:
                raise ArgumentError(self, "conflicting %s: %s" % (what, claimed))
        if "help" in kwargs:
            entry = self._ChoicesPseudoAction(name, aliases, kwargs.pop("help"))
            self._listed_commands.append(entry)
        if kwargs.get("prog") is None:
            kwargs["prog"] = "%s %s" % (self._command_prefix, name)
        parser = self._make_parser(**kwargs)
        self.choices.update(dict.fromkeys((name,) + aliases, parser))
        return parser

    def _get_subactions(self):
        return self._listed_commands

    def __call__(self, parser, namespace, values, option_string=None):
        command = values[0]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, command)
        if command not in self.choices:
            raise ArgumentError(self, "unknown parser %r (choices: %s)"
                                % (command, ", ".join(self.choices)))
        found, leftovers = self.choices[command].parse_known_args(values[1:], None)
        _copy_attributes(found, namespace)
        if leftovers:
            vars(namespace).setdefault(_LEFTOVER_ATTR, []).extend(leftovers)


def _copy_attributes(source, target):
    for name, value in vars(source).items():
        setattr(target, name, value)


_BUILTIN_ACTIONS = {
    None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction,
    "store_true": _StoreTrueAction, "store_false": _StoreFalseAction,
    "append": _AppendAction, "append_const": _AppendConstAction, "count": _CountAction,
    "help": _HelpAction, "version": _VersionAction, "parsers": _SubParsersAction,
    "extend": _ExtendAction,
}


# ---------------------------------------------------------------------------
# nargs: how many value strings an argument takes

def _metavar_slots(nargs):
    """The tuple lengths a metavar tuple may have for this nargs (None: any)."""
    if nargs is None or nargs in (OPTIONAL, PARSER):
        return (1,)
    if nargs == ZERO_OR_MORE:
        return (1, 2)
    if nargs == ONE_OR_MORE:
        return (2,)
    if nargs in (REMAINDER, SUPPRESS):
        return None
    if isinstance(nargs, int):
        return (max(nargs, 0),)
    raise ValueError("invalid nargs value")


def _span_lengths(nargs, kinds, start, positional):
    """Candidate lengths, most preferred first, of the run of strings at `start`
    (kinds: 'O' option, 'A' value, '-' the '--' marker) that `nargs` may take.

    Positionals absorb '--' markers around their values; options stop at them.
    The order is the greedy order: the longest acceptable run first.
    """
    end = len(kinds)
    if nargs in (PARSER, REMAINDER):
        limit = end if positional else _run_end(kinds, start, "AO")
        first = start
        if nargs == PARSER:
            first = _run_end(kinds, start, "-") if positional else start
            if first >= limit or kinds[first] != "A":
                return []
            first += 1
        return list(range(limit - start, first - start - 1, -1))
    if not positional:
        run = _run_end(kinds, start, "A") - start
        if nargs is None:
            return [1] if run >= 1 else []
        if nargs == OPTIONAL:
            return [min(run, 1)]
        if nargs == ZERO_OR_MORE:
            return [run]
        if nargs == ONE_OR_MORE:
            return [run] if run >= 1 else []
        return [nargs] if run >= nargs else []
    values_end = _run_end(kinds, start, "A-")
    lead = _run_end(kinds, start, "-") - start
    if nargs == ZERO_OR_MORE:
        return list(range(values_end - start, -1, -1))
    if nargs == ONE_OR_MORE:
        if start + lead >= values_end:
            return []
        return list(range(values_end - start, lead, -1))
    if nargs == OPTIONAL:
        without_value = list(range(lead, -1, -1))
        if start + lead < values_end and kinds[start + lead] == "A":
            after = _run_end(kinds, start + lead + 1, "-")
            return list(range(after - start, lead, -1)) + without_value
        return without_value
    wanted = 1 if nargs is None else nargs
    position = start
    for _ in range(wanted):
        position = _run_end(kinds, position, "-")
        if position >= end or kinds[position] != "A":
            return []
        position += 1
    trailing = _run_end(kinds, position, "-")
    return list(range(trailing - start, position - start - 1, -1))


def _run_end(kinds, start, allowed):
    """The index just past the run of kinds in `allowed` that begins at start."""
    position = start
    while position < len(kinds) and kinds[position] in allowed:
        position += 1
    return position


def _allocate(positionals, kinds, start):
    """Share the strings from `start` among a prefix of `positionals`.

    Returns the span lengths for the longest prefix of positionals that can
    all be satisfied together (each taking as much as it can, in turn); an
    empty list when not even the first one fits.
    """
    def place(index, position, count, dead_ends):
        if index == count:
            return []
        if (index, position) in dead_ends:
            return None
        for length in _span_lengths(positionals[index].nargs, kinds, position, True):
            rest = place(index + 1, position + length, count, dead_ends)
            if rest is not None:
                return [length] + rest
        dead_ends.add((index, position))
        return None

    for count in range(len(positionals), 0, -1):
        found = place(0, start, count, set())
        if found is not None:
            return found
    return []


def _arity_error(nargs):
    if nargs is None:
        return "expected one argument"
    if nargs == OPTIONAL:
        return "expected at most one argument"
    if nargs == ONE_OR_MORE:
        return "expected at least one argument"
    return "expected %s argument%s" % (nargs, "" if nargs == 1 else "s")


def _looks_negative(text):
    """'-5', '-2.5', '-.5': strings that read as negative numbers."""
    if len(text) < 2 or text[0] != "-":
        return False
    whole, dot, fraction = text[1:].partition(".")
    if not dot:
        return whole.isdecimal()
    return fraction.isdecimal() and (whole == "" or whole.isdecimal())


# ---------------------------------------------------------------------------
# The catalogue of arguments, shared by a parser and its groups

class _Catalogue:
    """Everything a parser knows about its arguments, shared with its groups.

    It owns the parse-relevant state; groups only decide where an action is
    listed in the help (`listing`) and which actions exclude each other.
    """

    def __init__(self):
        self.actions = []            # every action, in the order added
        self.by_option = {}          # option string -> action
        self.defaults = {}           # values from set_defaults()
        self.exclusive_groups = []
        self.registries = {"action": dict(_BUILTIN_ACTIONS), "type": {None: lambda string: string}}
        self.number_options = []     # option strings that read as negative numbers
        self.listing = {}            # action -> the argument group showing it in help

    def enlist(self, action, listing, conflict_handler):
        clashes = [option for option in action.option_strings if option in self.by_option]
        if clashes:
            self._settle(action, clashes, conflict_handler)
        self.actions.append(action)
        self.listing[action] = listing
        listing._group_actions.append(action)
        for option in action.option_strings:
            self.by_option[option] = action
            if _looks_negative(option) and option not in self.number_options:
                self.number_options.append(option)

    def _settle(self, action, clashes, conflict_handler):
        """Apply the conflict handler to option strings already taken."""
        if conflict_handler == "error":
            plural = "s" if len(clashes) > 1 else ""
            raise ArgumentError(action, "conflicting option string%s: %s"
                                % (plural, ", ".join(clashes)))
        for option in clashes:
            earlier = self.by_option.pop(option)
            earlier.option_strings.remove(option)
            if not earlier.option_strings:
                self.withdraw(earlier)

    def withdraw(self, action):
        """Forget an action that lost all its option strings."""
        self.actions.remove(action)
        holders = [self.listing.pop(action)] + self.exclusive_groups
        for holder in holders:
            if action in holder._group_actions:
                holder._group_actions.remove(action)


def _argument_settings(names, options, prefix_chars):
    """The action constructor's keywords for add_argument(*names, **options)."""
    if not names:
        raise TypeError("_ActionsContainer._get_positional_kwargs() missing 1 "
                        "required positional argument: 'dest'")
    if len(names) == 1 and names[0][:1] not in prefix_chars:
        for word, complaint in (("dest", ValueError("dest supplied twice for positional argument")),
                                ("required", TypeError("'required' is an invalid argument for positionals"))):
            if word in options:
                raise complaint
        nargs = options.get("nargs")
        may_be_absent = nargs == OPTIONAL or (nargs == ZERO_OR_MORE and "default" in options)
        return dict(options, dest=names[0], option_strings=[], required=not may_be_absent)
    for name in names:
        if not name or name[0] not in prefix_chars:
            raise ValueError("invalid option string %r: must start with a character %r"
                             % (name, prefix_chars))
    settings = dict(options, option_strings=list(names))
    if settings.get("dest") is None:
        doubled = [name for name in names if len(name) > 1 and name[1] in prefix_chars]
        stem = (doubled or names)[0].lstrip(prefix_chars)
        if not stem:
            raise ValueError("dest= is required for options like %r" % names[-1])
        settings["dest"] = stem.replace("-", "_")
    return settings


def _vet_new_action(action, converter):
    """add_argument's checks on the action it built."""
    if not callable(converter):
        raise ValueError("%r is not callable" % (converter,))
    if converter is FileType:
        raise ValueError("%r is a FileType class object, instance of it must be passed"
                         % (converter,))
    slots = _metavar_slots(action.nargs) if action.nargs != 0 else None
    if isinstance(action.metavar, tuple) and slots is not None and len(action.metavar) not in slots:
        raise ValueError("length of metavar tuple does not match nargs")


def _kept(collection, item):
    collection.append(item)
    return item


class _ActionsContainer:
    """What parsers and argument groups share: adding arguments and groups."""

    def __init__(self, catalogue, description, prefix_chars, argument_default,
                 conflict_handler):
        if conflict_handler not in ("error", "resolve"):
            raise ValueError("invalid conflict_resolution value: %r" % conflict_handler)
        self._catalogue = catalogue
        self.__dict__.update(description=description, prefix_chars=prefix_chars,
                             argument_default=argument_default,
                             conflict_handler=conflict_handler)

    # The attributes other tools read from a parser's internals.
    _actions = property(lambda self: self._catalogue.actions)
    _option_string_actions = property(lambda self: self._catalogue.by_option)
    _mutually_exclusive_groups = property(lambda self: self._catalogue.exclusive_groups)
    _defaults = property(lambda self: self._catalogue.defaults)

    def register(self, registry_name, value, object):
        self._catalogue.registries.setdefault(registry_name, {})[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._catalogue.registries.get(registry_name, {}).get(value, default)

    def set_defaults(self, **kwargs):
        catalogue = self._catalogue
        catalogue.defaults.update(kwargs)
        for action in filter(lambda action: action.dest in kwargs, catalogue.actions):
            action.default = kwargs[action.dest]

    def get_default(self, dest):
        stated = [action.default for action in self._catalogue.actions
                  if action.dest == dest and action.default is not None]
        return stated[0] if stated else self._catalogue.defaults.get(dest)

    def add_argument(self, *args, **kwargs):
        """add_argument(dest, ..., name=value, ...) or
        add_argument(option_string, option_string, ..., name=value, ...)"""
        settings = _argument_settings(args, kwargs, self.prefix_chars)
        if "default" not in settings:
            inherited = self._catalogue.defaults.get(settings["dest"], self.argument_default)
            if settings["dest"] in self._catalogue.defaults or inherited is not None:
                settings["default"] = inherited
        wanted = settings.pop("action", None)
        factory = self._registry_get("action", wanted, wanted)
        if not callable(factory):
            raise ValueError('unknown action "%s"' % (factory,))
        action = factory(**settings)
        _vet_new_action(action, self._registry_get("type", action.type, action.type))
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        return _kept(self._action_groups, _ArgumentGroup(self, *args, **kwargs))

    def add_mutually_exclusive_group(self, **kwargs):
        return _kept(self._catalogue.exclusive_groups, _MutuallyExclusiveGroup(self, **kwargs))

    def _add_action(self, action):
        self._catalogue.enlist(action, self._listing_for(action), self.conflict_handler)
        return action

    def _add_container_actions(self, container):
        """Take over the arguments and groups of a parent parser: each action
        goes to a copy of its mutually exclusive group, or else to the group
        with the title of the one listing it (made, in the parent's order,
        when missing)."""
        titled = {group.title: group for group in self._action_groups}
        missing = [group for group in container._action_groups if group.title not in titled]
        for group in missing:
            titled[group.title] = self.add_argument_group(
                group.title, group.description, conflict_handler=group.conflict_handler)
        twins = {}
        for group in container._mutually_exclusive_groups:
            twins.update(dict.fromkeys(group._group_actions,
                                       self.add_mutually_exclusive_group(required=group.required)))
        listing = container._catalogue.listing
        for action in container._actions:
            home = twins.get(action) or titled[listing[action].title]
            home._add_action(action)


class _ArgumentGroup(_ActionsContainer):
    """A titled block of arguments in the help; parsing ignores it."""

    def __init__(self, container, title=None, description=None, *,
                 prefix_chars=None, argument_default=None, conflict_handler=None):
        super().__init__(
            container._catalogue, description,
            container.prefix_chars if prefix_chars is None else prefix_chars,
            container.argument_default if argument_default is None else argument_default,
            container.conflict_handler if conflict_handler is None else conflict_handler)
        self.title = title
        self._group_actions = []
        self._action_groups = container._action_groups

    def _listing_for(self, action):
        return self


class _MutuallyExclusiveGroup(_ArgumentGroup):
    """Arguments of which at most one (exactly one when required) may be given.

    Its actions are listed in the help where its container lists them."""

    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _listing_for(self, action):
        return self._container._listing_for(action)

    def _add_action(self, action):
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        return _kept(self._group_actions, self._container._add_action(action))


# ---------------------------------------------------------------------------
# The matching engine

class _Scan:
    """One pass of matching argument strings against a parser's arguments.

    `positionals` is the queue of positional actions still to fill; options are
    recognised when `use_options` is true.  The pass records which actions it
    saw and the strings nobody took (`extras`).
    """

    def __init__(self, parser, namespace, strings, positionals):
        self.parser = parser
        self.namespace = namespace
        self.strings = strings
        self.pending = list(positionals)
        self.seen = set()
        self.seen_with_value = set()
        self.extras = []
        self.rivals = {}
        for group in parser._catalogue.exclusive_groups:
            for member in group._group_actions:
                others = self.rivals.setdefault(member, [])
                others.extend(a for a in group._group_actions if a is not member)
        self.kinds, self.options = self._classify_all()

    def _classify_all(self):
        kinds = []
        options = {}
        after_marker = False
        for index, string in enumerate(self.strings):
            if after_marker:
                kinds.append("A")
            elif string == "--":
                after_marker = True
                kinds.append("-")
            else:
                found = self.parser._parse_optional(string)
                if found is None:
                    kinds.append("A")
                else:
                    kinds.append("O")
                    options[index] = found
        return kinds, options

    def run(self):
        """Walk the strings: before each option, offer the values since the
        last one to the positionals (what they refuse is extra); then the
        option takes its values.  Options already swallowed as values (by
        REMAINDER or a sub-command) are skipped."""
        position = 0
        for next_option in sorted(self.options):
            while position < next_option:
                taken = self._fill_positionals(position)
                if taken == position:
                    self.extras.extend(self.strings[position:next_option])
                    taken = next_option
                position = taken
            if position == next_option:
                position = self._take_option(position)
        position = self._fill_positionals(position)
        self.extras.extend(self.strings[position:])
        return self.extras

    def _fill_positionals(self, position):
        lengths = _allocate(self.pending, self.kinds, position)
        for length in lengths:
            action = self.pending.pop(0)
            self._apply(action, self.strings[position:position + length])
            position += length
        return position

    def _take_option(self, position):
        """Consume the option at `position` and its values; returns the next
        position.  A cluster of single-dash flags (-xvf) runs its actions
        only once the whole cluster has been read."""
        action, option, attached = self.options[position]
        position += 1
        if action is None:
            self.extras.append(self.strings[position - 1])
            return position
        steps = []
        while attached is not None:
            # A glued value (--opt=value, -ovalue) is the option's one value,
            # or, after a single-dash flag, more single-letter flags.
            takes = _span_lengths(action.nargs, ["A"], 0, False)
            if not takes:
                raise ArgumentError(action, _arity_error(action.nargs))
            if takes[0] == 1:
                steps.append((action, [attached], option))
                break
            following = option[0] + attached[0] if attached else None
            is_flag = takes[0] == 0 and option[1] not in self.parser.prefix_chars
            if not is_flag or following not in self.parser._catalogue.by_option:
                raise ArgumentError(action, "ignored explicit argument %r" % attached)
            steps.append((action, [], option))
            option, attached = following, attached[1:] or None
            action = self.parser._catalogue.by_option[option]
        else:
            takes = _span_lengths(action.nargs, self.kinds, position, False)
            if not takes:
                raise ArgumentError(action, _arity_error(action.nargs))
            steps.append((action, self.strings[position:position + takes[0]], option))
            position += takes[0]
        for step in steps:
            self._apply(*step)
        return position

    def _apply(self, action, strings, option=None):
        self.seen.add(action)
        value = self.parser._get_values(action, strings)
        if value is not action.default:
            self.seen_with_value.add(action)
            for rival in self.rivals.get(action, ()):
                if rival in self.seen_with_value:
                    raise ArgumentError(action, "not allowed with argument %s"
                                        % _display_name(rival))
        if value is not SUPPRESS:
            action(self.parser, self.namespace, value, option)


# ---------------------------------------------------------------------------
# The parser

class ArgumentParser(_ActionsContainer):
    """Turns command-line strings into a Namespace of values.

    See the library reference for each keyword argument.
    """

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=None, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        super().__init__(_Catalogue(), description, prefix_chars, argument_default,
                         conflict_handler)
        given = locals()
        for name in _PARSER_SETTINGS:
            setattr(self, name, given[name])
        if prog is None:
            self.prog = _os.path.basename(_sys.argv[0])
        if formatter_class is None:
            self.formatter_class = HelpFormatter
        self._action_groups = []
        self._positionals, self._optionals = map(
            self.add_argument_group, ("positional arguments", "options"))
        self._subparsers = None
        if add_help:
            dash = "-" if "-" in prefix_chars else prefix_chars[0]
            self.add_argument(dash + "h", dash * 2 + "help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        self._inherit(parents)

    def _inherit(self, parents):
        defaults = self._catalogue.defaults
        for parent in parents:
            self._add_container_actions(parent)
            defaults.update(parent._catalogue.defaults)

    def __repr__(self):
        return _class_call_repr(self, [(name, getattr(self, name)) for name in _PARSER_REPR])

    def _listing_for(self, action):
        return self._optionals if action.option_strings else self._positionals

    def _by_kind(self):
        """(options, positionals), each in the order they were added."""
        options, positionals = [], []
        for action in self._catalogue.actions:
            (options if action.option_strings else positionals).append(action)
        return options, positionals

    # -- sub-commands --------------------------------------------------------

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        titled = "title" in kwargs or "description" in kwargs
        heading = (kwargs.pop("title", "subcommands"), kwargs.pop("description", None))
        self._subparsers = self.add_argument_group(*heading) if titled else self._positionals
        kwargs.setdefault("parser_class", type(self))
        if kwargs.get("prog") is None:
            kwargs["prog"] = self._subcommand_prog()
        wanted = kwargs.pop("action", "parsers")
        action = self._registry_get("action", wanted, wanted)(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _subcommand_prog(self):
        """A sub-command's prog starts with ours and the positionals before it."""
        layout = self._get_formatter()
        layout.add_usage(self.usage, self._by_kind()[1], self._catalogue.exclusive_groups, "")
        return layout.format_help().strip()

    # -- parsing -------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        return self._refuse_leftovers(self.parse_known_args(args, namespace))

    def parse_intermixed_args(self, args=None, namespace=None):
        return self._refuse_leftovers(self.parse_known_intermixed_args(args, namespace))

    def _refuse_leftovers(self, outcome):
        namespace, leftovers = outcome
        if leftovers:
            self.error("unrecognized arguments: %s" % " ".join(leftovers))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        return self._parse_in_passes(args, namespace, intermixed=False)

    def parse_known_intermixed_args(self, args=None, namespace=None):
        positionals = self._by_kind()[1]
        unsuitable = [a.nargs for a in positionals if a.nargs in (PARSER, REMAINDER)]
        if unsuitable:
            raise TypeError("parse_intermixed_args: positional arg with nargs=%s"
                            % unsuitable[0])
        grouped = {a for g in self._catalogue.exclusive_groups for a in g._group_actions}
        if grouped.intersection(positionals):
            raise TypeError("parse_intermixed_args: positional in mutuallyExclusiveGroup")
        return self._parse_in_passes(args, namespace, intermixed=True)

    def _parse_in_passes(self, args, namespace, intermixed):
        """Parse in one pass, or (intermixed) options first and then the
        positionals from the strings the first pass left."""
        strings = _sys.argv[1:] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()
        options, positionals = self._by_kind()
        if intermixed:
            passes = [([], options), (positionals, positionals)]
        else:
            passes = [(positionals, self._catalogue.actions)]
        try:
            if self.fromfile_prefix_chars is not None:
                strings = self._read_args_from_files(strings)
            valued = set()
            for fill, settle in passes:
                self._install_defaults(namespace, settle)
                scan = self._scan(namespace, strings, fill, settle)
                valued |= scan.seen_with_value
                strings = scan.extras
            self._check_required_groups(valued)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        strings.extend(vars(namespace).pop(_LEFTOVER_ATTR, ()))
        return namespace, strings

    def _install_defaults(self, namespace, actions):
        unset = [(a.dest, a.default) for a in actions
                 if a.dest is not SUPPRESS and a.default is not SUPPRESS]
        for dest, value in unset + list(self._catalogue.defaults.items()):
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)

    def _scan(self, namespace, strings, positionals, settle):
        """Match strings, then settle the actions in `settle` that were not seen:
        report the required ones, convert string defaults of the others."""
        scan = _Scan(self, namespace, strings, positionals)
        scan.run()
        unseen = [action for action in settle if action not in scan.seen]
        missing = [_display_name(action) for action in unseen if action.required]
        if missing:
            self.error("the following arguments are required: %s" % ", ".join(missing))
        for action in unseen:
            default = action.default
            if isinstance(default, str) and getattr(namespace, action.dest, None) is default:
                setattr(namespace, action.dest, self._get_value(action, default))
        return scan

    def _check_required_groups(self, valued):
        for group in self._catalogue.exclusive_groups:
            if group.required and valued.isdisjoint(group._group_actions):
                shown = [a for a in group._group_actions if a.help is not SUPPRESS]
                self.error("one of the arguments %s is required"
                           % " ".join(map(_display_name, shown)))

    def _read_args_from_files(self, strings):
        """Replace each @file argument with the arguments its lines hold."""
        markers = self.fromfile_prefix_chars
        todo = list(reversed(strings))
        expanded = []
        while todo:
            string = todo.pop()
            if string[:1] == "" or string[0] not in markers:
                expanded.append(string)
                continue
            try:
                with open(string[1:]) as source:
                    lines = source.read().splitlines()
            except OSError as err:
                self.error(str(err))
            found = [arg for line in lines for arg in self.convert_arg_line_to_args(line)]
            todo.extend(reversed(found))
        return expanded

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    def _parse_optional(self, arg_string):
        """(action or None, option string, attached value) for an option-like
        string, or None when the string is a value."""
        chars = self.prefix_chars
        if arg_string[:1] == "" or arg_string[0] not in chars:
            return None
        exact = self._exact_option(arg_string)
        if exact is not None:
            return exact
        if len(arg_string) == 1:
            return None
        candidates = self._get_option_tuples(arg_string)
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            self.error("ambiguous option: %s could match %s"
                       % (arg_string, ", ".join(option for _, option, _ in candidates)))
        reads_as_value = (" " in arg_string or
                          (_looks_negative(arg_string) and not self._catalogue.number_options))
        return None if reads_as_value else (None, arg_string, None)

    def _exact_option(self, arg_string):
        """The option named by the whole string, or by the part before '='."""
        known = self._catalogue.by_option
        if arg_string in known:
            return known[arg_string], arg_string, None
        name, equals, value = arg_string.partition("=")
        if equals and name in known:
            return known[name], name, value
        return None

    def _get_option_tuples(self, option_string):
        """The options an abbreviated or glued option string can stand for."""
        known = self._catalogue.by_option.items()
        if option_string[1] in self.prefix_chars:
            if not self.allow_abbrev:
                return []
            stem, equals, value = option_string.partition("=")
            attached = value if equals else None
            return [(a, option, attached) for option, a in known if option.startswith(stem)]
        found = []
        for option, action in known:
            if option == option_string[:2]:
                found.append((action, option, option_string[2:]))
            elif self.allow_abbrev and option.startswith(option_string):
                found.append((action, option, None))
        return found

    def _get_values(self, action, arg_strings):
        """The value an action receives for the strings matched to it."""
        nargs = action.nargs
        if nargs == SUPPRESS:
            return SUPPRESS
        strings = list(arg_strings)
        if nargs not in (PARSER, REMAINDER) and "--" in strings:
            strings.remove("--")
        positional = not action.option_strings
        if not strings and (nargs == OPTIONAL or (nargs == ZERO_OR_MORE and positional)):
            value = self._absent_value(action)
            vetted = [value]
        elif len(strings) == 1 and nargs in (None, OPTIONAL):
            value = self._get_value(action, strings[0])
            vetted = [value]
        else:
            value = [self._get_value(action, string) for string in strings]
            vetted = {PARSER: value[:1], REMAINDER: []}.get(nargs, value)
        for item in vetted:
            self._check_value(action, item)
        return value

    def _absent_value(self, action):
        """The value of a '?' or '*' argument given no strings."""
        if action.nargs == ZERO_OR_MORE:
            return [] if action.default is None else action.default
        value = action.const if action.option_strings else action.default
        return self._get_value(action, value) if isinstance(value, str) else value

    def _get_value(self, action, arg_string):
        """arg_string run through the action's type= function."""
        converter = self._registry_get("type", action.type, action.type)
        problem = None if callable(converter) else "%r is not callable" % (converter,)
        if problem is None:
            try:
                return converter(arg_string)
            except (ArgumentTypeError, TypeError, ValueError) as err:
                problem = _conversion_problem(action.type, arg_string, err)
                raise ArgumentError(action, problem)
        raise ArgumentError(action, problem)

    def _check_value(self, action, value):
        choices = action.choices
        if choices is None or value in choices:
            return
        offered = ", ".join(repr(choice) for choice in choices)
        raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, offered))

    # -- help and exiting ----------------------------------------------------

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def _layout_with_usage(self):
        layout = self._get_formatter()
        layout.add_usage(self.usage, self._catalogue.actions, self._catalogue.exclusive_groups)
        return layout

    def format_usage(self):
        return self._layout_with_usage().format_help()

    def format_help(self):
        layout = self._layout_with_usage()
        layout.add_text(self.description)
        for group in self._action_groups:
            _lay_out_group(layout, group)
        layout.add_text(self.epilog)
        return layout.format_help()

    def print_usage(self, file=None):
        self._print_message(self.format_usage(), file or _sys.stdout)

    def print_help(self, file=None):
        self._print_message(self.format_help(), file or _sys.stdout)

    def _print_message(self, message, file=None):
        """Write to file (stderr by default), ignoring a missing or closed stream."""
        try:
            if message:
                (_sys.stderr if file is None else file).write(message)
        except (AttributeError, OSError):
            pass

    def exit(self, status=0, message=None):
        self._print_message(message, _sys.stderr)
        raise SystemExit(status)

    def error(self, message):
        """Print the usage and the message on stderr, then exit with status 2."""
        self.print_usage(_sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _conversion_problem(converter, arg_string, err):
    """The message for a type= function that refused arg_string."""
    if isinstance(err, ArgumentTypeError):
        return str(err)
    label = getattr(converter, "__name__", repr(converter))
    return "invalid %s value: %r" % (label, arg_string)


# The constructor arguments a parser keeps as attributes, and those its repr shows.
_PARSER_SETTINGS = ("prog", "usage", "epilog", "formatter_class", "fromfile_prefix_chars",
                    "add_help", "allow_abbrev", "exit_on_error")
_PARSER_REPR = ("prog", "usage", "description", "formatter_class", "conflict_handler",
                "add_help")


def _lay_out_group(layout, group):
    """One argument group's section of the help."""
    layout.start_section(group.title)
    layout.add_text(group.description)
    layout.add_arguments(group._group_actions)
    layout.end_section()


# ---------------------------------------------------------------------------
# Help layout

def _collapse_spaces(text):
    return " ".join(text.split())


def _usage_words(text):
    """Split a usage string into the pieces line wrapping keeps whole: a
    bracketed or parenthesised item (up to a closing run that ends a word),
    otherwise a run of non-spaces."""
    words = []
    position = 0
    length = len(text)
    while position < length:
        if text[position] == " ":
            position += 1
            continue
        opener = text[position]
        end = -1
        if opener in "[(":
            closer = "]" if opener == "[" else ")"
            probe = position + 1
            while probe < length:
                if text[probe] == closer:
                    stop = probe
                    while stop < length and text[stop] == closer:
                        stop += 1
                    if stop == length or text[stop].isspace():
                        end = stop
                        break
                    probe = stop
                else:
                    probe += 1
        if end < 0:
            end = text.find(" ", position)
            if end < 0:
                end = length
        words.append(text[position:end])
        position = end
    return words


def _fill_words(words, first_column, indent, width):
    """Greedy filling: lines of words; the first starts at first_column, the
    others with `indent`.  A word joins a line when the line still ends at or
    before `width`, or when the line is empty."""
    lines = []
    current = []
    column = first_column
    for word in words:
        if current and column + 1 + len(word) > width:
            lines.append(current)
            current = []
            column = len(indent)
        column += (1 if current else 0) + len(word)
        current.append(word)
    if current:
        lines.append(current)
    return [" ".join(line) for line in lines]


def _terminal_width():
    import shutil
    return shutil.get_terminal_size().columns - 2


class _Section(list):
    """The blocks under one heading: callables rendering text, or nested
    sections.  `indent` is the heading's column."""

    def __init__(self, parent, heading, indent):
        super().__init__()
        self.parent, self.heading, self.indent = parent, heading, indent


class HelpFormatter:
    """Lays out help messages.

    Only the class name is public API; the methods are how ArgumentParser
    and the documented subclasses drive and adjust the layout.
    """

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self._prog, self._indent_increment = prog, indent_increment
        self._width = _terminal_width() if width is None else width
        # Help text starts at most here, and never closer than 20 to the edge.
        room = max(self._width - 20, 2 * indent_increment)
        self._max_help_position = min(max_help_position, room)
        self._current_indent = self._widest_invocation = 0
        self._open = self._root = _Section(None, None, 0)

    # -- collecting ----------------------------------------------------------

    def start_section(self, heading):
        self._open = _kept(self._open, _Section(self._open, heading, self._current_indent))
        self._current_indent += self._indent_increment

    def end_section(self):
        self._current_indent -= self._indent_increment
        self._open = self._open.parent

    def add_text(self, text):
        if text in (None, SUPPRESS):
            return
        indent = self._current_indent
        self._open.append(lambda: self._format_text(text, indent))

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is SUPPRESS:
            return
        actions, groups = list(actions), list(groups)
        self._open.append(lambda: self._format_usage(usage, actions, groups, prefix))

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        indent = self._current_indent
        names = [self._format_action_invocation(action)]
        names.extend(self._format_action_invocation(sub) for sub in self._subactions(action))
        self._widest_invocation = max(self._widest_invocation,
                                      max(len(name) for name in names) + indent)
        self._open.append(lambda: self._format_action(action, indent))

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    # -- rendering -----------------------------------------------------------

    def format_help(self):
        """The help text: blocks separated by one blank line, ending in a newline."""
        lines = []
        for line in self._render(self._root).strip("\n").split("\n"):
            if line or not lines or lines[-1]:
                lines.append(line)
        text = "\n".join(lines)
        return text + "\n" if text else text

    def _render(self, section):
        body = "".join(self._render(block) if isinstance(block, _Section) else block()
                       for block in section)
        if section is self._root:
            return body
        if not body:
            return ""
        heading = ""
        if section.heading is not SUPPRESS and section.heading is not None:
            heading = "%s%s:\n" % (" " * section.indent, section.heading)
        return "\n" + heading + body + "\n"

    def _format_text(self, text, indent):
        expanded = text % {"prog": self._prog} if "%(prog)" in text else text
        return self._fill_text(expanded, max(self._width - indent, 11), " " * indent) + "\n\n"

    def _help_position(self):
        return min(self._widest_invocation + 2, self._max_help_position)

    def _format_action(self, action, indent):
        column = self._help_position()
        help_room = max(self._width - column, 11)
        name_room = column - indent - 2
        name = self._format_action_invocation(action)
        lines = []
        if not action.help:
            lines.append(" " * indent + name)
            help_lines = []
        else:
            help_lines = self._split_lines(self._expand_help(action), help_room)
            if len(name) <= name_room and help_lines:
                lines.append(" " * indent + name.ljust(name_room) + "  " + help_lines.pop(0))
            else:
                lines.append(" " * indent + name)
        lines.extend(" " * column + line for line in help_lines)
        text = "\n".join(lines) + "\n"
        for sub in self._subactions(action):
            text += self._format_action(sub, indent + self._indent_increment)
        return text

    def _subactions(self, action):
        get = getattr(action, "_get_subactions", None)
        return get() if get is not None else []

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = "usage: "
        if usage is not None:
            text = usage % {"prog": self._prog}
        elif not actions:
            text = self._prog
        else:
            text = self._compose_usage(actions, groups, len(prefix))
        return "%s%s\n\n" % (prefix, text)

    def _compose_usage(self, actions, groups, prefix_width):
        prog = self._prog
        optionals = [a for a in actions if a.option_strings]
        positionals = [a for a in actions if not a.option_strings]
        whole = self._format_actions_usage(optionals + positionals, groups)
        one_line = " ".join(piece for piece in (prog, whole) if piece)
        room = self._width - self._current_indent
        if prefix_width + len(one_line) <= room:
            return one_line
        option_words = _usage_words(self._format_actions_usage(optionals, groups))
        positional_words = _usage_words(self._format_actions_usage(positionals, groups))
        if prefix_width + len(prog) <= 0.75 * room:
            indent = " " * (prefix_width + len(prog) + 1)
            if option_words:
                lines = _fill_words([prog] + option_words, prefix_width, indent, room)
                if positional_words:
                    lines += _fill_words(positional_words, len(indent), indent, room)
            elif positional_words:
                lines = _fill_words([prog] + positional_words, prefix_width, indent, room)
            else:
                lines = [prog]
            return ("\n" + indent).join(lines)
        indent = " " * prefix_width
        lines = _fill_words(option_words + positional_words, len(indent), indent, room)
        if len(lines) > 1:
            lines = (_fill_words(option_words, len(indent), indent, room)
                     + _fill_words(positional_words, len(indent), indent, room))
        return ("\n" + indent).join([prog] + lines)

    def _format_actions_usage(self, actions, groups):
        """The usage words for `actions`, with mutually exclusive groups whose
        members sit together in `actions` shown as [a | b] or (a | b)."""
        grouped = {}
        for group in groups:
            members = group._group_actions
            if not members:
                raise ValueError(f"empty group {group}")
            if members[0] not in actions:
                continue
            start = actions.index(members[0])
            if actions[start:start + len(members)] == members:
                grouped[start] = group
        pieces = []
        index = 0
        while index < len(actions):
            group = grouped.get(index)
            if group is None:
                piece = self._action_usage(actions[index], False)
                if piece is not None:
                    pieces.append(piece)
                index += 1
                continue
            shown = [self._action_usage(member, True) for member in group._group_actions]
            shown = [piece for piece in shown if piece is not None]
            if not shown:
                pieces.append("")
            elif group.required and len(shown) == 1:
                pieces.append(shown[0])
            elif group.required:
                pieces.append("(%s)" % " | ".join(shown))
            else:
                pieces.append("[%s]" % " | ".join(shown))
            index += len(group._group_actions)
        return " ".join(pieces).strip()

    def _action_usage(self, action, in_group):
        if action.help is SUPPRESS:
            return None
        if not action.option_strings:
            piece = self._format_args(action, self._get_default_metavar_for_positional(action))
            if in_group and len(piece) > 1 and piece[0] == "[" and piece[-1] == "]":
                piece = piece[1:-1]
            return piece
        if action.nargs == 0:
            piece = action.format_usage()
        else:
            metavar = self._get_default_metavar_for_optional(action)
            piece = "%s %s" % (action.option_strings[0], self._format_args(action, metavar))
        if not action.required and not in_group:
            piece = "[%s]" % piece
        return piece

    def _format_action_invocation(self, action):
        if not action.option_strings:
            return self._metavars(action, self._get_default_metavar_for_positional(action), 1)[0]
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._format_args(action, self._get_default_metavar_for_optional(action))
        return ", ".join("%s %s" % (option, args) for option in action.option_strings)

    def _metavars(self, action, default_metavar, count):
        """The metavar as a tuple of `count` names (a tuple metavar is kept)."""
        if action.metavar is not None:
            shown = action.metavar
        elif action.choices is not None:
            shown = "{%s}" % ",".join(str(choice) for choice in action.choices)
        else:
            shown = default_metavar
        if isinstance(shown, tuple):
            return shown
        return (shown,) * count

    def _format_args(self, action, default_metavar):
        nargs = action.nargs
        if nargs is None:
            return "%s" % self._metavars(action, default_metavar, 1)
        if nargs == OPTIONAL:
            return "[%s]" % self._metavars(action, default_metavar, 1)
        if nargs == ZERO_OR_MORE:
            names = self._metavars(action, default_metavar, 1)
            if len(names) == 2:
                return "[%s [%s ...]]" % names
            return "[%s ...]" % names
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % self._metavars(action, default_metavar, 2)
        if nargs == REMAINDER:
            return "..."
        if nargs == PARSER:
            return "%s ..." % self._metavars(action, default_metavar, 1)
        if nargs == SUPPRESS:
            return ""
        if not isinstance(nargs, int):
            raise ValueError("invalid nargs value")
        return " ".join(self._metavars(action, default_metavar, nargs))

    def _expand_help(self, action):
        fields = {}
        for key, value in vars(action).items():
            if value is SUPPRESS:
                continue
            fields[key] = getattr(value, "__name__", value)
        fields["prog"] = self._prog
        if fields.get("choices") is not None:
            fields["choices"] = ", ".join(str(choice) for choice in action.choices)
        return self._get_help_string(action) % fields

    # -- the hooks the documented subclasses override -------------------------

    def _split_lines(self, text, width):
        """The lines of one argument's help."""
        return _wrapped(_collapse_spaces(text), width, "")

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _fill_text(self, text, width, indent):
        """The description or epilog, as one block of text."""
        return "\n".join(_wrapped(_collapse_spaces(text), width, indent))

    def _get_default_metavar_for_positional(self, action):
        return action.dest

    def _get_help_string(self, action):
        return action.help


def _wrapped(text, width, indent):
    import textwrap
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)


class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the description and epilog as written."""

    def _fill_text(self, text, width, indent):
        return "".join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps every help text as written."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Adds ' (default: ...)' to the help of arguments that have a default."""

    def _get_help_string(self, action):
        text = action.help
        has_default = action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE)
        if text and has_default and action.default is not SUPPRESS and "%(default)" not in text:
            return text + " (default: %(default)s)"
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Names each argument's value after its type= function."""

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__

    _get_default_metavar_for_optional = _get_default_metavar_for_positional
