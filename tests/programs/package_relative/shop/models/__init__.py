from .. import core
from ..core import VALUE as BASE
