"""The Pelican wing: signals, the build state, the text reader, options, footer, report.

Nothing outside this package imports it but ``register()``; it imports the
core, never the other way round.
"""

from __future__ import annotations


def connect() -> None:
    """Connect the plugin's handlers to Pelican's signals."""
    from .signals import connect as connect_signals

    connect_signals()
