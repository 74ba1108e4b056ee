print(a[])
