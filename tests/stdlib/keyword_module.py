import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print(sorted(keyword.__all__))
for word in ["if", "match", "case", "_", "print", "True", "async", "type", ""]:
    print(repr(word), keyword.iskeyword(word), keyword.issoftkeyword(word))
print(len(keyword.kwlist), all(keyword.iskeyword(w) for w in keyword.kwlist))
try:
    keyword.iskeyword([])
except TypeError as e:
    print("TypeError:", e)
