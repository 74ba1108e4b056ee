print("hello" "world" x)
