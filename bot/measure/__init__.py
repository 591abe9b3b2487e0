"""Measuring the bot: speed (bench, loadgen, soak) and understanding (evaluate, question_eval)."""
