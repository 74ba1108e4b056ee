# logging.config.fileConfig over configparser: formatters, handlers with
# args and kwargs, the root logger and named loggers, propagation, and
# existing loggers disabled or kept.
import io
import logging
import logging.config
import sys
import tempfile
import os

early = logging.getLogger("early")
kept = logging.getLogger("app.child")

CONFIG = """
[loggers]
keys = root, app

[handlers]
keys = console, plain

[formatters]
keys = brief, full

[logger_root]
level = WARNING
handlers = console

[logger_app]
level = DEBUG
handlers = plain
qualname = app
propagate = 0

[handler_console]
class = StreamHandler
level = INFO
formatter = brief
args = (sys.stdout,)

[handler_plain]
class = logging.StreamHandler
formatter = full
args = ()
kwargs = {'stream': sys.stdout}

[formatter_brief]
format = %(levelname)s:%(name)s:%(message)s

[formatter_full]
format = [%(name)s] %(levelname)-8s %(message)s
datefmt = %H
"""

logging.config.fileConfig(io.StringIO(CONFIG))
logging.getLogger().warning("root warning")
logging.getLogger().info("root info (dropped)")
logging.getLogger("app").debug("app debug")
logging.getLogger("app.sub").info("app.sub info")
print("early disabled:", early.disabled, "child disabled:", kept.disabled)
kept.error("from the child")
print([h.name for h in logging.getLogger().handlers], [h.name for h in logging.getLogger("app").handlers])
print(logging.getLogger("app").propagate, logging.getLogger("app").level)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "log.ini")
    with open(path, "w") as f:
        f.write(CONFIG.replace("propagate = 0", "propagate = 1"))
    logging.config.fileConfig(path, disable_existing_loggers=False)
    logging.getLogger("app").info("twice: app, then root")
    empty = os.path.join(tmp, "empty.ini")
    open(empty, "w").close()
    for name in (empty, os.path.join(tmp, "missing.ini")):
        try:
            logging.config.fileConfig(name)
        except Exception as e:
            print(type(e).__name__, str(e).replace(tmp, "TMP"))
    bad = os.path.join(tmp, "bad.ini")
    with open(bad, "w") as f:
        f.write("[loggers]\nkeys=root\njunk\n")
    try:
        logging.config.fileConfig(bad)
    except RuntimeError as e:
        print(str(e).replace(tmp, "TMP"))
for text in ("[formatters]\nkeys=\n[handlers]\nkeys=h\n[loggers]\nkeys=root\n",
             "[formatters]\nkeys=\n[handlers]\nkeys=\n[loggers]\nkeys=x\n"):
    try:
        logging.config.fileConfig(io.StringIO(text))
    except Exception as e:
        print(type(e).__name__, repr(e))
