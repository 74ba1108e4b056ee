	
  x
