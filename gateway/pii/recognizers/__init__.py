"""Recognizers written for Covenant (added to Presidio's registry)."""
