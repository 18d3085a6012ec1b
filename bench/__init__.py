"""`make bench`: how our build scales against stock MkDocs + Material building the same pages (issue 10)."""
