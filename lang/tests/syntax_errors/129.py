x = 'a' f'{x' 'b'
