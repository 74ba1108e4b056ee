class A:
"""doc"""
