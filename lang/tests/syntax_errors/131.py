b'a' 'b' f'c'
