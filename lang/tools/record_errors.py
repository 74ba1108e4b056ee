"""Records CPython's verdict on each program of the compile-error corpus.

Usage: python3 tools/record_errors.py tests/data/compile_errors.py.txt > tests/data/compile_errors.expected
The corpus holds programs separated by lines of `# ----`; the output has one
line per program: `OK` or `Class|msg|lineno|offset|end_lineno|end_offset`.
"""
import sys

def verdict(src):
    try:
        compile(src, "t.py", "exec")
        return "OK"
    except SyntaxError as e:
        return f"{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}"
    except RecursionError as e:
        return f"RecursionError|{e}|0|0|0|0"

def programs(text):
    return [p.strip("\n") + "\n" for p in text.split("# ----\n") if p.strip()]

if __name__ == "__main__":
    for src in programs(open(sys.argv[1]).read()):
        print(verdict(src))
