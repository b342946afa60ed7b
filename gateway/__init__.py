"""Covenant: a policy and license-compliance gateway for model APIs."""

__version__ = "0.1.0"
