class Q:
    def where(self, **kw):
        raise LookupError(kw)


q = Q()
result = (q
          .where(a=1))
