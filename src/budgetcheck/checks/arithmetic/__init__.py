"""Check kinds over printed figures: sums, ratios, changes, bounds, statements."""
