# subprocess: run, Popen with pipes, communicate, wait, poll, the check_*
# helpers, errors, text mode, shell, cwd and env.
import os
import signal
import subprocess
import sys
import tempfile

r = subprocess.run(["echo", "hello"], capture_output=True)
print(r)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr), r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(e, e.returncode, repr(e.stdout), repr(e.stderr))
print(subprocess.run("exit 0", shell=True))
print(subprocess.run(["true"]).returncode, subprocess.run(["false"]).returncode)

print(subprocess.check_output(["echo", "checked"]))
print(subprocess.check_output("echo $((6*7))", shell=True, text=True))
print(subprocess.check_output(["cat"], input=b"fed in"))
print(subprocess.check_output(["cat"], input="text in", text=True))
print(subprocess.check_call(["true"]))
for cmd in (["false"], "exit 5"):
    try:
        subprocess.check_call(cmd, shell=isinstance(cmd, str))
    except subprocess.CalledProcessError as e:
        print(type(e).__name__, e)
try:
    subprocess.check_output(["sh", "-c", "echo partial; kill -TERM $$"])
except subprocess.CalledProcessError as e:
    print(e, e.output)
print(subprocess.call(["sh", "-c", "exit 7"]))

r = subprocess.run(["sh", "-c", "echo both; echo two >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout, r.stderr)
r = subprocess.run(["sh", "-c", "echo gone; echo gone too >&2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(r)
r = subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True)
print(r.stdout)

with tempfile.TemporaryDirectory() as d:
    r = subprocess.run(["pwd"], cwd=d, capture_output=True, text=True)
    print(r.stdout.strip() == os.path.realpath(d))
    path = os.path.join(d, "out.txt")
    with open(path, "w") as f:
        subprocess.run(["echo", "to a file"], stdout=f)
    with open(path) as f:
        print(f.read())

r = subprocess.run(["sh", "-c", "echo $GREETING-$HOME"], env={"GREETING": "hi", "PATH": os.environ["PATH"]},
                   capture_output=True, text=True)
print(r.stdout)

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.poll(), p.returncode, type(p.pid).__name__)
out, err = p.communicate(b"x" * 200000)
print(len(out), err, p.returncode, p.poll())

p = subprocess.Popen(["sh", "-c", "read line; echo got $line; echo warn >&2"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
p.stdin.write("ping\n")
p.stdin.flush()
print(repr(p.stdout.readline()))
p.stdin.close()
print(repr(p.stderr.read()), p.wait())
p.stdout.close()
p.stderr.close()

with subprocess.Popen(["printf", "a\\r\\nb\\rc\\n"], stdout=subprocess.PIPE, text=True) as p:
    print(repr(p.communicate()[0]))
print(p.returncode)
with subprocess.Popen(["printf", "one\\ntwo\\n"], stdout=subprocess.PIPE) as p:
    print(list(p.stdout))

p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e, e.timeout)
p.terminate()
print(p.wait(), p.returncode == -signal.SIGTERM)
p = subprocess.Popen(["sleep", "10"])
p.kill()
print(p.wait())
p.send_signal(signal.SIGTERM)
print(p.poll())

try:
    subprocess.run(["sleep", "10"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.stdout)
try:
    subprocess.run(["sh", "-c", "echo early; sleep 10"], capture_output=True, timeout=0.5)
except subprocess.TimeoutExpired as e:
    print(e.cmd, e.stdout, e.stderr)

for bad in (lambda: subprocess.run(["/nonexistent/program"]),
            lambda: subprocess.run(["true"], cwd="/nonexistent/dir"),
            lambda: subprocess.run(["true"], input=b"", stdin=subprocess.PIPE),
            lambda: subprocess.run(["true"], capture_output=True, stdout=subprocess.PIPE),
            lambda: subprocess.check_output(["true"], stdout=subprocess.PIPE)):
    try:
        bad()
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)

print(subprocess.getoutput("echo getoutput"), subprocess.getstatusoutput("echo status; exit 2"))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError))
print(repr(subprocess.CalledProcessError(-9, ["x"])))
print(subprocess.CalledProcessError(-9, ["x"]))
print(subprocess.CompletedProcess(["a"], 0, b"o", b"e"))
print(subprocess.Popen(["true"]).wait())
