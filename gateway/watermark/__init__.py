"""Keyed word-choice watermark, detection/attribution, fragile channel and provenance index.

Public entry points: ``Watermarker`` (embed), ``KeyRegistry``/``detect``/``detect_corpus`` (detect),
``WatermarkPolicy`` (policy), ``MemoryProvenanceIndex``/``RedisProvenanceIndex`` (provenance).
Import from the submodules; this package module stays free of import-time work.
"""
