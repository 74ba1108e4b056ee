import os, sys as
