"""The rule catalogue: rule files, their check-kind targets, scoring profiles and the cache."""
