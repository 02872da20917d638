"""``python -m prisma_tools`` runs the command line."""

from prisma_tools.cli.console import main

main()
