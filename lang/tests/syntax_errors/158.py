try:
  pass
except* E:
z
