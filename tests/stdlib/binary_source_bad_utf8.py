# Bytes that are not UTF-8 without a coding cookie: a SyntaxError.
print("never")
x = "é"
