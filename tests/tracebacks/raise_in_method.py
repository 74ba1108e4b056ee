class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, n):
        if n > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {n}")
        self.balance -= n


acct = Account(10)
acct.withdraw(3)
acct.withdraw(30)
