"""Signals of the submission workflow that Wagtail has no signal for."""

from django.dispatch import Signal

# Sent after Redaktion rejected a submission for good; arguments: task_state, user.
einreichung_abgelehnt = Signal()
