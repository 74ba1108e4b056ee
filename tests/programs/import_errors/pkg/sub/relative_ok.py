from .. import leaf
