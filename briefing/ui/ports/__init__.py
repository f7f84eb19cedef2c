"""The ports tab: the map, the port roster table and the selected port's details."""
