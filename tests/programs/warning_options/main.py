import warnings
warnings.warn("shown once per location (default action)", UserWarning)
for i in range(2):
    warnings.warn("a deprecation, shown by -W default", DeprecationWarning)
try:
    warnings.warn("turned into an error", RuntimeWarning)
except RuntimeWarning as e:
    print("raised:", e)
warnings.warn("ignored by message", UserWarning)
print("done")
