print(f'{)')
