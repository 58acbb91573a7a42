"""Scoring of customer-service conversations: pacing, interruptions, empathy, avoided phrases.

This package never imports the user interface; it runs in any process.
"""

from scoring.findings import Dimension, Finding, Polarity, Severity

__all__ = ["Dimension", "Finding", "Polarity", "Severity"]
