class A:
    def m(self):
        return self.n


x = [A()]
y = {"k": x}
print(y["k"][0].m())
