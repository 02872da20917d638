"""The command line, one package.

``console.py`` is the console script (``format PATH...`` without click); ``app.py`` is the
click group and ``check``; ``format.py``, ``fix.py``, ``rules.py`` (``rules``, ``passes``),
``dump.py`` and ``migrate.py`` are the other commands, ``options.py`` the options they
share. ``runner.py`` runs a command over its targets (messages, exit status);
``workflow.py`` does the work per target; ``check.py``, ``output.py`` and
``prisma_version.py`` are the work of ``check`` and its output.

This module imports nothing: the console script's fast path loads it and must stay cheap.
"""
