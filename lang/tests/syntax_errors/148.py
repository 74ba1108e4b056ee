

   
# c
x = (
