"""Only the compiled part of the build; everything else is in pyproject.toml.

The watermark's word search has a C implementation (gateway/watermark/_wordfind.c). It is optional:
without a C compiler the install still succeeds and the gateway uses the same search in Python
(gateway/watermark/wordfind.py), which gives identical results, only slower.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("gateway.watermark._wordfind", ["gateway/watermark/_wordfind.c"], optional=True)])
