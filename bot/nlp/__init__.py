"""Rasa-side language processing: the Dutch spaCy pipeline and the Rasa speed-ups it loads."""
