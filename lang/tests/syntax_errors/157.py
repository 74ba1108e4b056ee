try:
  pass
finally:
z
