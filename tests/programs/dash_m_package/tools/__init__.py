print("tools package:", __name__)
