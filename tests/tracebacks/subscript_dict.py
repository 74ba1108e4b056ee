def get(d):
    return d["k"]


get({"j": 1})
