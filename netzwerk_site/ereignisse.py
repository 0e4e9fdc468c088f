"""Named events the core announces and apps above it handle, so the core never imports them.

The core calls ``emit("barriere_gemeldet", meldung=...)``; konto registers in its AppConfig.ready()
``register("barriere_gemeldet", handler)`` and tells the Redaktion. emit() returns each handler's result.
"""

_handlers = {}


def register(name, function):
    """Call function(**kwargs) on every emit(name, ...); registering the same function twice keeps one."""
    handlers = _handlers.setdefault(name, [])
    if function not in handlers:
        handlers.append(function)


def emit(name, **kwargs):
    """Call the handlers of name in the order they registered; returns their results (empty without handlers)."""
    return [function(**kwargs) for function in _handlers.get(name, ())]
