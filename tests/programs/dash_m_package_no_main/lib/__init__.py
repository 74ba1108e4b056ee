print("lib init")
