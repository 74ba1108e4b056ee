# `python -m json.tool`: validates and pretty-prints JSON, with CPython's
# options and messages (its argparse-made usage and help are reproduced as
# text: towel has no argparse).

import json
import sys

_USAGE = """usage: python -m json.tool [-h] [--sort-keys] [--no-ensure-ascii]
                           [--json-lines]
                           [--indent INDENT | --tab | --no-indent | --compact]
                           [infile] [outfile]
"""

_HELP = _USAGE + """
A simple command line interface for json module to validate and pretty-print
JSON objects.

positional arguments:
  infile             a JSON file to be validated or pretty-printed
  outfile            write the output of infile to outfile

options:
  -h, --help         show this help message and exit
  --sort-keys        sort the output of dictionaries alphabetically by key
  --no-ensure-ascii  disable escaping of non-ASCII characters
  --json-lines       parse input using the JSON Lines format. Use with --no-
                     indent or --compact to produce valid JSON Lines output.
  --indent INDENT    separate items with newlines and use this number of
                     spaces for indentation
  --tab              separate items with newlines and use tabs for indentation
  --no-indent        separate items with spaces rather than newlines
  --compact          suppress all whitespace separation (most compact)
"""


def _fail(message):
    sys.stderr.write(_USAGE)
    sys.stderr.write(f"python -m json.tool: error: {message}\n")
    raise SystemExit(2)


def _parse(argv):
    options = {"sort_keys": False, "ensure_ascii": True, "indent": 4}
    json_lines = False
    layout = None
    files = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg in ("-h", "--help"):
            sys.stdout.write(_HELP)
            raise SystemExit(0)
        if arg == "--sort-keys":
            options["sort_keys"] = True
        elif arg == "--no-ensure-ascii":
            options["ensure_ascii"] = False
        elif arg == "--json-lines":
            json_lines = True
        elif arg in ("--indent", "--tab", "--no-indent", "--compact") or arg.startswith("--indent="):
            name = arg.partition("=")[0]
            if layout is not None and layout != name:
                _fail(f"argument {name}: not allowed with argument {layout}")
            layout = name
            if name == "--indent":
                if "=" in arg:
                    value = arg.partition("=")[2]
                elif i < len(argv):
                    value = argv[i]
                    i += 1
                else:
                    _fail("argument --indent: expected one argument")
                try:
                    options["indent"] = int(value)
                except ValueError:
                    _fail(f"argument --indent: invalid int value: '{value}'")
            elif name == "--tab":
                options["indent"] = "\t"
            elif name == "--no-indent":
                options["indent"] = None
            else:
                options["indent"] = None
                options["separators"] = (",", ":")
        elif arg.startswith("-") and arg != "-":
            _fail(f"unrecognized arguments: {' '.join(argv[i - 1:])}")
        else:
            files.append(arg)
    if len(files) > 2:
        _fail(f"unrecognized arguments: {' '.join(files[2:])}")
    return options, json_lines, files


def main():
    options, json_lines, files = _parse(sys.argv[1:])
    infile = files[0] if files else "-"
    outfile = files[1] if len(files) > 1 else "-"
    try:
        if infile == "-":
            text = sys.stdin.read()
        else:
            with open(infile, encoding="utf-8") as f:
                text = f.read()
    except OSError as e:
        _fail(f"argument infile: can't open '{infile}': {e}")
    try:
        if json_lines:
            objs = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            objs = [json.loads(text)]
        out = "".join(json.dumps(obj, **options) + "\n" for obj in objs)
    except ValueError as e:
        raise SystemExit(e)
    if outfile == "-":
        sys.stdout.write(out)
    else:
        with open(outfile, "w", encoding="utf-8") as f:
            f.write(out)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)
