print("not run: -c comes first")
