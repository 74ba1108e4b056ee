def f(d):
    label = "🎉🎉"; return d["🎉"] [0]


f({"🎉": 5})
