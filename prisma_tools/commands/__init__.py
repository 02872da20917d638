"""The work of the command-line commands, one module each, without click (see ``cli.py`` for parsing)."""
