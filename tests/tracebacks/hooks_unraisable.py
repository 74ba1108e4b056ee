import sys
seen = []
def unr(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg, type(u.object).__name__,
                 u.exc_traceback is not None))
sys.unraisablehook = unr
sys.unraisablehook(type('Args', (), {'exc_type': ValueError, 'exc_value': ValueError('v'),
                    'exc_traceback': None, 'err_msg': 'msg', 'object': None})())
print(seen)
sys.excepthook = None
del sys.excepthook
raise ValueError('no hook')
