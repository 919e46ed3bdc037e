"""A run over many inputs: the pipeline, the process pool, selection, baselines, explanations."""
