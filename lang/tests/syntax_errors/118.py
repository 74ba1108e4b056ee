if x:
	pass
  	pass
