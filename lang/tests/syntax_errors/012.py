y = 2
x = f'''a

