# queue: producer/consumer threads, task_done/join, bounded queues, timeouts,
# LIFO, priority and simple queues.
import queue
import threading
import time

q = queue.Queue()
results = []

def producer(name, count):
    for i in range(count):
        q.put((name, i))
        time.sleep(0.001)

def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item)
        q.task_done()

consumers = [threading.Thread(target=consumer) for _ in range(2)]
producers = [threading.Thread(target=producer, args=(n, 5)) for n in 'ab']
for t in consumers + producers:
    t.start()
for p in producers:
    p.join()
q.join()
print(sorted(results))
for _ in consumers:
    q.put(None)
for c in consumers:
    c.join()
print(q.empty(), q.qsize(), q.unfinished_tasks)

# A bounded queue makes the producer wait for the consumer.
bounded = queue.Queue(maxsize=2)
log = []
def slow_consumer():
    for _ in range(4):
        time.sleep(0.02)
        log.append(('got', bounded.get()))
t = threading.Thread(target=slow_consumer); t.start()
for i in range(4):
    bounded.put(i)
    log.append(('put', i))
t.join()
print([x for x in log if x[0] == 'got'])
print(bounded.full(), bounded.empty())

try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print('Empty after timeout')
full = queue.Queue(1); full.put(1)
try:
    full.put(2, timeout=0.01)
except queue.Full:
    print('Full after timeout')
try:
    full.put_nowait(3)
except queue.Full:
    print('Full now')
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print('Empty now')
try:
    queue.Queue().get(timeout=-1)
except ValueError as e:
    print('ValueError', e)
try:
    queue.Queue().task_done()
except ValueError as e:
    print('ValueError', e)

lifo = queue.LifoQueue()
for i in range(3): lifo.put(i)
print([lifo.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, 'c'), (1, 'a'), (2, 'b')]: pq.put(item)
print([pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
def feed():
    time.sleep(0.01)
    sq.put('hello')
threading.Thread(target=feed).start()
print(sq.get(), sq.empty(), sq.qsize())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print('SimpleQueue Empty')
print(queue.Queue[int])
