x = f'{a=!x}'
