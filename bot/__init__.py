"""Runtime glue around Rasa, one role a folder: channels/, ops/, measure/, nlp/ (README, Architecture)."""
