"""The reminders the periodic command `manage.py erinnerungen_senden` sends: each app registers its function.

The core knows no feature app, so an app registers in its AppConfig.ready():

    erinnerungen.register(frage_erinnern)

A function takes today's date, sends what is due on that day and returns how many notifications it sent, or the
list of what it reminded about (the command prints the count). It must
be idempotent: the command runs daily and may run twice (konto.benachrichtigungen.benachrichtigen with a
schluessel skips what a member already got).
"""

_functions = []


def register(function):
    """Add function(today) to the reminders of the periodic command; registering it again changes nothing."""
    if function not in _functions:
        _functions.append(function)
    return function


def registered():
    """The registered reminder functions, in the order they were registered."""
    return list(_functions)
