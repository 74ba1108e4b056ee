# `urllib`: the package of `urllib.parse` (the only submodule towel has).
