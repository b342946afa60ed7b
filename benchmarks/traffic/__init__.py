"""Synthetic traffic for the extraction detector: benign personas and attack campaigns, labelled separately."""
