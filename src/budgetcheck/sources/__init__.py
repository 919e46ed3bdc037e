"""The inputs budgetcheck reads: YAML reports and published documents, into the model."""
