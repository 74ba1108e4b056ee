x = .e1
