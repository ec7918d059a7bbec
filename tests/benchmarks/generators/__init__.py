"""Record generators for the benchmarks: ten years of a big city's records, filled in SQL on PostgreSQL.

`fill` holds the generic filler (INSERT ... SELECT generate_series, a value per field from its type and
choices); `sections` one function per section, with the volumes and the fields its report reads.
"""
