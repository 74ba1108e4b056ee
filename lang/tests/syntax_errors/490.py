print(f'{1+}')
