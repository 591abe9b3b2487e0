"""Constants shared by the builder and the query API (kept free of heavy imports)."""

# Bump when the tables or their meaning change; open_kb() refuses other versions.
SCHEMA_VERSION = 6

# Sector values used in themes, actions and curated quotes.
SECTORS = ("mbo", "hbo", "wo", "ho", "po", "vo", "so", "lerarenopleiding", "geneeskunde")

# Which sector tags speak for a sector: teacher training is taught at hbo and wo, medical
# programmes at wo, and "ho" (hoger onderwijs) is both.
SECTOR_COVERED_BY = {
    "ho": frozenset({"ho", "hbo", "wo"}),
    "hbo": frozenset({"hbo", "ho"}),
    "wo": frozenset({"wo", "ho"}),
    "lerarenopleiding": frozenset({"lerarenopleiding", "hbo", "wo", "ho"}),
    "geneeskunde": frozenset({"geneeskunde", "wo", "ho"}),
}


def applies_to(tags, sector) -> bool:
    """Does something tagged with sectors `tags` apply to `sector`? Untagged things always do."""
    if not sector or not tags:
        return True
    sector = sector.strip().lower()
    return bool(set(tags) & SECTOR_COVERED_BY.get(sector, {sector}))
