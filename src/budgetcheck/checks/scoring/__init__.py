"""Check kinds over performance self-evaluation tables: scores, weights, completion."""
