"""``python -m prisma_tools`` runs the command line."""

from prisma_tools.console import main

main()
