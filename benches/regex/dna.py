"""regex_dna-style: count variant patterns and apply IUB substitutions on a
generated DNA sequence (a linear congruential generator makes it the same
everywhere). Prints a checksum last."""
import re

def sequence(n):
    seed = 42
    out = []
    for _ in range(n):
        seed = (seed * 3877 + 29573) % 139968
        out.append("acgt"[seed * 4 // 139968])
        if len(out) % 61 == 60:
            out.append("\n")
    return ">ONE Homo sapiens\n" + "".join(out)

VARIANTS = [
    'agggtaaa|tttaccct', '[cgt]gggtaaa|tttaccc[acg]', 'a[act]ggtaaa|tttacc[agt]t',
    'ag[act]gtaaa|tttac[agt]ct', 'agg[act]taaa|ttta[agt]cct', 'aggg[acg]aaa|ttt[cgt]ccct',
    'agggt[cgt]aa|tt[acg]accct', 'agggta[cgt]a|t[acg]taccct', 'agggtaa[cgt]|[acg]ttaccct',
]
SUBST = [('tHa[Nt]', '<4>'), ('aND|caN|Ha[DS]|WaS', '<3>'), ('a[NSt]|BY', '<2>'),
         ('<[^>]*>', '|'), ('\\|[^|][^|]*\\|', '-')]

seq = sequence(300000)
total = 0
for _ in range(3):
    clean = re.sub('>.*\n|\n', '', seq)
    counts = [len(re.findall(v, clean)) for v in VARIANTS]
    text = clean
    for pat, rep in SUBST:
        text = re.sub(pat, rep, text)
    total += sum(counts) + len(clean) + len(text)
print(counts)
print(total)
