from ..util.money import fmt
from . import BASE
from ..models import core as again


def describe():
    return f"order of {fmt(BASE)} via {again.__name__}"
