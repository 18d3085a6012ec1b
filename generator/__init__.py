"""Generator of the Chongqing aerospace-information scenario catalogue: YAML in, Markdown out."""
