f'{x}' b'a'
