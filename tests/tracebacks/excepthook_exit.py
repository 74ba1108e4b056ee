import sys
def hook(t, v, tb):
    print('exiting from hook', t.__name__)
    sys.exit(3)
sys.excepthook = hook
raise LookupError('x')
