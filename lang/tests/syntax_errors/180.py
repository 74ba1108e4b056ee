except A, B:
