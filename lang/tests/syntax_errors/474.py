name = input('name: ')
print(f'hi {name')
