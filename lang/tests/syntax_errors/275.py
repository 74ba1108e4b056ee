elif x:
  pass
