"""Pure export layer: one frozen summary model rendered to Markdown, DOCX, PDF, JSON, CSV, SVG.

No Flask here (see README.md). Import renderers from their modules; reportlab and python-docx are
only loaded by the module that needs them.
"""

from casetable.export.model import (
    Advice,
    Contribution,
    Counts,
    Note,
    Overview,
    Phase,
    Recurring,
    Referral,
    Signal,
    Summary,
    Tags,
)

__all__ = ["Advice", "Contribution", "Counts", "Note", "Overview", "Phase", "Recurring",
           "Referral", "Signal", "Summary", "Tags"]
