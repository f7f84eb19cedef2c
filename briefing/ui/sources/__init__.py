"""The sources tab: the article's passages and the figures that cite them."""
