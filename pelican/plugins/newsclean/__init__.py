"""pelican-newsclean as a Pelican namespace plugin.

Pelican imports every package under ``pelican.plugins`` on every build, and
uses them all when ``PLUGINS`` is unset: this one imports nothing until
:func:`register` runs. The library is :mod:`pelican_newsclean`;
``PLUGINS = ["pelican_newsclean"]`` and ``PLUGINS = ["newsclean"]`` both load
the same plugin, which acts once however it was named.
"""


def register() -> None:
    """Connect pelican-newsclean to Pelican (see :func:`pelican_newsclean.register`)."""
    from pelican_newsclean import register as register_newsclean

    register_newsclean()
