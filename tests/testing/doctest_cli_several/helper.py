"""
>>> twice(2)
4
"""

def twice(x):
    """
    >>> twice("a")
    'aa'
    >>> twice(None)
    Traceback (most recent call last):
    TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'
    >>> twice(3)
    7
    """
    return x * 2
