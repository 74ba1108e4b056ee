"""Print CPython's syntax error for each snippet: class|msg|lineno|offset|end_lineno|end_offset."""
import sys, json
def err(src):
    try:
        compile(src, "f.py", "exec")
        return "OK"
    except SyntaxError as e:
        return f"{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}|{e.text!r}"
if __name__ == "__main__":
    for snip in json.load(open(sys.argv[1])):
        print(repr(snip), "=>", err(snip))
