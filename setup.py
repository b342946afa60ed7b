"""Only the compiled part of the build; everything else is in pyproject.toml.

The watermark's word search and prose marking have a C implementation (gateway/watermark/_wordfind.c and
_wordmark.c). It is optional: without a C compiler the install still succeeds and the gateway uses the same
search and marking in Python (gateway/watermark/wordfind.py, scanner.py, embed.py), which give identical
results, only slower.
"""

from setuptools import Extension, setup

SOURCES = ["gateway/watermark/_wordfind.c", "gateway/watermark/_wordmark.c"]

setup(ext_modules=[Extension("gateway.watermark._wordfind", SOURCES, depends=["gateway/watermark/_wordfind.h"],
                             optional=True)])
