# What is still buffered at exit cannot be written: reported, exit status 120.
import time

time.sleep(0.2)
print("short")
