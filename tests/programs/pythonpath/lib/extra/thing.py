NAME = "extra.thing"
