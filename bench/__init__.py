"""`make bench`: how our build scales against a stock MkDocs + Material site (issue 5)."""
