NAME = "helper in app"
