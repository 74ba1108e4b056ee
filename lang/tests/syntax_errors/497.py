f'{a b c}'
