x = f'{"a" "b}'
