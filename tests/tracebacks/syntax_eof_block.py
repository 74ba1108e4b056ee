print("never runs")
if True:
