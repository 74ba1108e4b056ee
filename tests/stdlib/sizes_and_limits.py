# Sizes a program chooses: what CPython answers for each (a result, or
# MemoryError / OverflowError / ValueError), never an abort; and the checked
# conversions of time.sleep and int.to_bytes/from_bytes.
import json
import time

cases = [
    '"a".center(10**30)', '"a" * (2**63)', '[0] * (2**63)', '(0,) * 2**62',
    'b"a" * 2**62', '"ab" * 2**62', '[1, 2] * 2**62', 'bytearray(2**63)',
    'bytearray(10**12)', '"a".zfill(2**62)', '"\\t".expandtabs(2**62)',
    'list(range(10**12))', 'tuple(range(10**12))', '[*range(10**12)]',
    'bytes(10**12)', 'sorted(range(10**12))', '"x" * 10**12', '"a".center(10**12)',
    '"a".ljust(10**12, "é")', '"\\t".expandtabs(2**20)[:3]', 'bytes(-1)',
    'bytes(2**64)', '"x" * -5', '[1] * -2', '(1, 2) * 3', 'bytes(3)', 'bytes(True)',
    '"ab".rjust(5, "*")', '"ab".center(6, "-")', '"abc".center(6, "-")', '"-5".zfill(5)',
    '"ab".ljust(1)', '"é" * 3', 'json.dumps([1], indent=10**12)',
    'json.dumps([1], indent=2)', '"{:>{}}".format(1, 10**12)', '"%*d" % (10**12, 1)',
    'f"{1:10000000000000}"', 'f"{1:100000000000000000000000}"',
    'time.sleep(2**64)', 'time.sleep(10**10)', 'time.sleep(10**400)',
    'time.sleep("a")', 'time.sleep(None)', 'time.sleep(1e10)', 'time.sleep(float("nan"))',
    'time.sleep(float("inf"))', 'time.sleep(1e300)', 'time.sleep(-1)', 'time.sleep(-0.5)',
    'time.sleep(0.001)', 'time.sleep(True)', 'time.sleep(0)',
    '(1).to_bytes(-1, "big")', '(-1).to_bytes(8, "big")', '(1).to_bytes(2**63, "big")',
    '(1).to_bytes(10**12, "big")', '(1).to_bytes(2, "middle")', '(0).to_bytes(0, "big")',
    '(1).to_bytes(0, "big")', '(128).to_bytes(1, "big", signed=True)',
    '(-128).to_bytes(1, "little", signed=True)', '(-129).to_bytes(3, "little", signed=True)',
    '(2**70).to_bytes(10, "big")', '(5).to_bytes()', '(5).to_bytes(2, byteorder=1)',
    'int.from_bytes([1, 2], "big")', 'int.from_bytes(b"\\x01\\x02", "little", signed=True)',
    'int.from_bytes(b"\\xff\\xff", "big", signed=True)', 'int.from_bytes(b"", "big")',
    'int.from_bytes([256], "big")', 'int.from_bytes(b"\\x01", "middle")',
]
for src in cases:
    try:
        r = eval(src)
        print(src, "->", repr(r)[:40])
    except Exception as e:
        print(src, "->", type(e).__name__, e)
