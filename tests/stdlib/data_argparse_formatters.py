# argparse: HelpFormatter subclasses written the way users customise help
# (overriding _format_action, _format_action_invocation, _split_lines,
# _fill_text, _get_help_string, the default metavars, _metavar_formatter),
# formatter_class factories with other widths, and parser subclasses.
import argparse, os, sys
os.environ["COLUMNS"] = "80"

class HideSubparserLine(argparse.RawDescriptionHelpFormatter):
    def _format_action(self, action):
        parts = super()._format_action(action)
        if action.nargs == argparse.PARSER:
            parts = "\n".join(parts.split("\n")[1:])
        return parts

class CompactInvocation(argparse.HelpFormatter):
    def _format_action_invocation(self, action):
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        default = self._get_default_metavar_for_optional(action)
        return ", ".join(action.option_strings) + " " + self._format_args(action, default)
    def _get_default_metavar_for_optional(self, action):
        return "<" + action.dest + ">"

class Smart(argparse.HelpFormatter):
    def _split_lines(self, text, width):
        if text.startswith("R|"):
            return text[2:].splitlines()
        return super()._split_lines(text, width)
    def _fill_text(self, text, width, indent):
        return "\n".join(indent + "> " + line for line in super()._fill_text(text, width - 2, "").split("\n"))
    def _get_help_string(self, action):
        text = super()._get_help_string(action) or ""
        return text + " [%(dest)s]"

class Choices(argparse.HelpFormatter):
    def _metavar_formatter(self, action, default_metavar):
        if action.choices is not None and action.metavar is None:
            return lambda count: ("ONE-OF",) * count
        return super()._metavar_formatter(action, default_metavar)

for cls in [HideSubparserLine, CompactInvocation, Smart, Choices,
            lambda prog: argparse.HelpFormatter(prog, max_help_position=40, width=100),
            lambda prog: argparse.HelpFormatter(prog, indent_increment=4, max_help_position=10, width=60),
            lambda prog: argparse.ArgumentDefaultsHelpFormatter(prog, width=50)]:
    p = argparse.ArgumentParser(prog="fmt", description="Describes things at some length so the text has to wrap around at least once or twice.", formatter_class=cls)
    p.add_argument("-s", "--size", type=int, default=3, help="the size of the thing, given in whole units of measure")
    p.add_argument("--mode", choices=["a", "b"], nargs="+", help="R|raw line one\n  raw line two")
    p.add_argument("-q", action="store_true", help="quiet")
    p.add_argument("target", nargs="?", default="here", help="where")
    sub = p.add_subparsers(title="commands", dest="cmd", help="pick one")
    sub.add_parser("go", help="go somewhere", aliases=["g"])
    sub.add_parser("stay", help="stay put")
    sys.stdout.write(p.format_help())
    print("=====")

class QuietParser(argparse.ArgumentParser):
    def error(self, message):
        print("custom error:", message)
        raise SystemExit(5)
    def format_help(self):
        return "custom help for %s\n" % self.prog
p = QuietParser(prog="quiet")
p.add_argument("--n", type=int)
s = p.add_subparsers(dest="cmd")
s.add_parser("inner").add_argument("x")
for args in [["--n", "x"], ["-h"], ["inner"], ["inner", "-h"], ["zzz"]]:
    try:
        print(p.parse_args(args))
    except SystemExit as e:
        print("exit", e.code)
