# Printing to a pipe nobody reads raises BrokenPipeError, which ends the program.
import time

time.sleep(0.2)
while True:
    print("line")
