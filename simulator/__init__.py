"""roleplay: an offline role-play trainer for customer-service agents."""

__version__ = "0.1.0"
