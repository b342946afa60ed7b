"""Extraction / distillation-campaign detection.

Hot path: `features.extract_features` (per request) and an O(1) verdict lookup.
Off the hot path: `detector.Detector` (in process) or `worker.run_worker` (distributed).
"""
