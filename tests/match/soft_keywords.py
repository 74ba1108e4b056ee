# `match`, `case` and `_` stay ordinary names outside match statements.
match = [1, 2]
case = {"k": "v"}
_ = "underscore"
print(match, case, _)
match.append(3)
print(match[0], case["k"])


def match(case, _=None):
    return ("called", case, _)


print(match(1), match(case=2, _=3))


class case:
    match = "attribute"


print(case.match)

matches = [match(x) for x in range(2)]
print(matches)

match (1, 2):
    case (case, _):
        print("captured case =", case)

match_ = 5
match match_:
    case match:
        print("captured match =", match)

x = 3
match x:
    case _:
        print("the wildcard never binds; _ is still", repr(_))

print(type(match).__name__)
