try:
  pass
except:
z
