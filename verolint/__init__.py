"""verolint: a legal-consistency linter for Dutch municipal ordinances."""

__version__ = "0.15.0"
