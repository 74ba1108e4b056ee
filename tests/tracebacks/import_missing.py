def f():
    import no_such_module_xyz


f()
