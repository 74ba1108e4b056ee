x = a ¢ b
