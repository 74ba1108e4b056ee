class ConfigError(Exception):
    pass


def read(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise ConfigError("missing " + key) from e


read({}, "port")
