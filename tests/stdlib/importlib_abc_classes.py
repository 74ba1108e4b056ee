# importlib.abc: the ABCs' hierarchy, abstract methods and defaults, the
# machinery registered as what it is, and a loader written on InspectLoader
# importing a module through a meta path finder.
import importlib.abc as a
import importlib.machinery as m
import importlib.util
import sys

names = ['MetaPathFinder', 'PathEntryFinder', 'Loader', 'ResourceLoader',
         'InspectLoader', 'ExecutionLoader', 'SourceLoader', 'ResourceReader',
         'Traversable', 'TraversableResources']
for n in names:
    c = getattr(a, n)
    print(n, sorted(c.__abstractmethods__))
for n in ['BuiltinImporter', 'FrozenImporter', 'PathFinder', 'SourceFileLoader']:
    c = getattr(m, n)
    print(n, [x for x in ['MetaPathFinder', 'PathEntryFinder', 'Loader', 'InspectLoader', 'SourceLoader'] if issubclass(c, getattr(a, x))])


class StringLoader(a.InspectLoader):
    sources = {'greeting': 'WORD = "hello"\ndef shout(): return WORD.upper()\n'}

    def get_source(self, fullname):
        return self.sources.get(fullname)

    def is_package(self, fullname):
        return False


class StringFinder(a.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname in StringLoader.sources:
            return importlib.util.spec_from_loader(fullname, StringLoader())
        return None


sys.meta_path.insert(0, StringFinder())
import greeting
print(greeting.WORD, greeting.shout(), type(greeting.__loader__).__name__)
print(StringFinder().invalidate_caches(), a.Loader().create_module(None))
print(a.InspectLoader.source_to_code('x = 1 + 1').co_filename)
code = StringLoader().get_code('greeting')
print(type(code).__name__, StringLoader().get_code('missing'))
for call in (lambda: a.InspectLoader.is_package(StringLoader(), 'x'),
             lambda: a.ResourceLoader(), lambda: a.Loader().module_repr(None)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
