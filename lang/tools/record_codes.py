"""Records CPython's code-object metadata for each program of a corpus.

Usage: python3 tools/record_codes.py tests/data/scopes.py.txt > tests/data/scopes.expected
Programs are separated by lines of `# ----`. For each program, one line per
code object (depth-first, constants order): qualname, flags (without
NOFREE, which 3.11 no longer sets), arg counts, first line, varnames,
cellvars, freevars, then a line `# end`.
"""
import sys

def walk(co, out):
    out.append("|".join([
        co.co_qualname,
        str(co.co_flags),
        f"{co.co_argcount}/{co.co_posonlyargcount}/{co.co_kwonlyargcount}",
        str(co.co_firstlineno),
        ",".join(co.co_varnames),
        ",".join(co.co_cellvars),
        ",".join(co.co_freevars),
    ]))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(c, out)

def programs(text):
    return [p.strip("\n") + "\n" for p in text.split("# ----\n") if p.strip()]

if __name__ == "__main__":
    for src in programs(open(sys.argv[1]).read()):
        out = []
        walk(compile(src, "t.py", "exec"), out)
        print("\n".join(out))
        print("# end")
