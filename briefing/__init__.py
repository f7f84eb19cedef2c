"""Port briefing viewer: an offline desktop viewer for briefings on open border ports."""

__version__ = "0.1.0"

import logging

# Notes for the log (a damaged setting set aside, a search that failed): recorded by whatever handler
# the application installs, and never printed on a user's terminal by Python's last-resort handler.
logging.getLogger("briefing").addHandler(logging.NullHandler())
