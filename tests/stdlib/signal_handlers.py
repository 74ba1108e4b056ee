# signal: handlers for SIGUSR1/SIGALRM, getsignal, SIG_IGN/SIG_DFL, alarm,
# setitimer, raise_signal, os.kill, default_int_handler; a blocking call
# interrupted by a signal runs the handler and goes on (PEP 475).
import os
import signal
import socket
import time

print(signal.SIGINT, repr(signal.SIGINT), repr(signal.SIGUSR1), signal.SIGTERM.name)
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.NSIG)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGUSR1)), repr(signal.getsignal(signal.SIGTERM)))

received = []


def handler(signum, frame):
    received.append(signum)
    print("handler:", repr(signal.Signals(signum)), type(frame).__name__)


old = signal.signal(signal.SIGUSR1, handler)
print(repr(old), signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill", received)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", received)

print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)) == repr(handler))
os.kill(os.getpid(), signal.SIGUSR1)
print("ignored", received, repr(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))


def on_alarm(signum, frame):
    print("alarm", signum == signal.SIGALRM)


signal.signal(signal.SIGALRM, on_alarm)
print(signal.alarm(0))
signal.setitimer(signal.ITIMER_REAL, 0.05)
start = time.monotonic()
time.sleep(0.2)
print("slept whole", time.monotonic() - start >= 0.19)

a, b = socket.socketpair()
signal.setitimer(signal.ITIMER_REAL, 0.05)
threading_free = []


def on_alarm_send(signum, frame):
    print("alarm during recv")
    b.sendall(b"woke")


signal.signal(signal.SIGALRM, on_alarm_send)
print(a.recv(10))


class Stop(Exception):
    pass


def raiser(signum, frame):
    raise Stop("from handler")


signal.signal(signal.SIGALRM, raiser)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a.recv(10)
except Stop as e:
    print("recv interrupted:", e)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while True:
        pass
except Stop as e:
    print("loop interrupted:", e)
print(signal.getitimer(signal.ITIMER_REAL))
signal.signal(signal.SIGALRM, signal.SIG_DFL)

try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", e.args)
for bad in (lambda: signal.signal(0, handler), lambda: signal.signal(signal.SIGUSR1, 5),
            lambda: signal.signal(signal.SIGKILL, handler), lambda: signal.getsignal(1000),
            lambda: signal.signal(signal.SIGUSR1)):
    try:
        bad()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGKILL))
print(signal.SIGUSR2 in signal.valid_signals(), len(signal.valid_signals()) > 30)
try:
    os.kill(2 ** 22 + 12345, 0)
except ProcessLookupError as e:
    print(type(e).__name__, e)
print(os.getpid() > 0, os.getppid() > 0)
a.close()
b.close()
