class Q:
    def where(self, x):
        return self

    def first(self):
        raise LookupError("empty")


result = (Q()
          .where(1)
          .first())
