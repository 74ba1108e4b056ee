# A child process that raises reports it on stderr and exits with 1.
import multiprocessing


def raises():
    raise KeyError('in child')


if __name__ == '__main__':
    multiprocessing.set_start_method('spawn')
    p = multiprocessing.Process(target=raises, name='failing')
    p.start()
    p.join()
    print('exit code', p.exitcode)
