"""What a spreadsheet cell may hold: text that no spreadsheet will run as a formula.

A name typed as `=HYPERLINK("http://…/?id="&A2,"ตรวจสอบ")` would otherwise come out of an
export as a working formula next to a full citizen ID (CSV/formula injection). Every cell
the project writes passes through `neutralise`: text that a spreadsheet reads as the start
of a formula (= + - @, or a leading tab or carriage return) gets a leading apostrophe, so
it stays text however the file is opened, edited or re-saved (OWASP's advice).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value):
    """`value` unchanged unless it is text a spreadsheet could evaluate; then 'text."""
    # A lone "-" (the forms' "none") or "+" cannot compute anything: keep it readable.
    if isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def restore(value):
    """The text as typed, for readers of files we wrote (a re-imported template)."""
    if isinstance(value, str) and value.startswith(QUOTE) and neutralise(value[1:]) == value:
        return value[1:]
    return value
