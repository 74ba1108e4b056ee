print(f'{[}')
