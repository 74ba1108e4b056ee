import sys
print(sys.excepthook is sys.__excepthook__, sys.displayhook is sys.__displayhook__,
      sys.unraisablehook is sys.__unraisablehook__)

def hook(t, v, tb):
    print('hook:', t.__name__, v, tb.tb_lineno, tb.tb_frame.f_code.co_name)
    print(sys.last_type is t, sys.last_value is v, sys.last_traceback is tb)
    sys.__excepthook__(t, v, tb)
    raise KeyError('from the hook')

sys.excepthook = hook
shown = []
sys.displayhook = shown.append
sys.__displayhook__(None)
sys.__displayhook__('text')
print(shown)

def boom():
    raise RuntimeError('uncaught')
print('before')
boom()
