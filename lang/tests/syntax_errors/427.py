x = yield = 2
