"""The lint rules, one module per concern; :data:`prisma_tools.lint.registry.RULES` lists them in code order."""
