values = {'a': 1, 'b': 2
}
print(values['a'
