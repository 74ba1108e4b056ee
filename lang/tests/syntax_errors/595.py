match -x
z +
