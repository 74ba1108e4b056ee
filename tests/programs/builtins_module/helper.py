def read_shared():
    return shared_answer


def speak():
    print("helper speaks")
