"""Statutory documents (执法文书): one reportlab generator per document type, registered by type."""
