# logging's default outputs on stderr: the handler of last resort (bare
# messages) and the default basicConfig format.
import logging, sys
log = logging.getLogger("quiet")
log.info("below the last resort's level")
log.warning("last resort: %s", "bare message")
log.error("no handlers anywhere")
logging.warning("the root logger configures itself")
logging.info("root is at WARNING")
logging.getLogger("a.b").error("through root's handler")
logging.getLogger("a.b").critical("%d%%", 100)
print("stdout is separate")
logging.root.handlers[0].setFormatter(logging.Formatter("%(levelname)s|%(message)s"))
logging.error("reformatted")
