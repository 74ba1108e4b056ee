def f():
    x = '''
