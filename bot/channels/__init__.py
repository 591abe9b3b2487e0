"""Rasa input channels (website widget, guarded REST), what they share, and the widget files."""
