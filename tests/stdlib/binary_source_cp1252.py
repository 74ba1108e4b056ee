#!/usr/bin/env python3
# vim: set fileencoding=cp1252 :
# The cookie may sit on the second line after a comment line.
print("€ “quoted”", len("€"))
