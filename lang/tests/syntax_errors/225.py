x = f'{a:{b'
