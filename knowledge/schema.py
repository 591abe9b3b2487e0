"""Constants shared by the builder and the query API (kept free of heavy imports)."""

# Bump when the tables or their meaning change; open_kb() refuses other versions.
SCHEMA_VERSION = 3

# Sector values used in themes, actions and curated quotes.
SECTORS = ("mbo", "hbo", "wo", "ho", "po", "vo", "so", "lerarenopleiding", "geneeskunde")
