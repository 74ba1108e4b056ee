x = 10
if x > 5:
    print('big')
  elif x > 2:
    print('medium')
