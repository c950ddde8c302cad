"""Python rule families, one module each. Every module here is imported by the
registry; a Rule subclass with a ``code`` registers itself."""
