values = {"a": 1}
if values:
    for k in values:
        total = values[k] + values["b"]
