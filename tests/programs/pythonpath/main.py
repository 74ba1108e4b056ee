# PYTHONPATH's folders come after the script's and before the library.
import sys
import libmod
import extra.thing
print(libmod.where(), extra.thing.NAME)
print(sys.path[0] == __file__.rsplit("/", 1)[0])
print([p.replace(sys.path[0], "<here>") for p in sys.path[1:3]])
import json
print(json.dumps({"shadowed": json.__name__ == "json" and hasattr(json, "MINE")}))
