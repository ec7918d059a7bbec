# The bureau prints numbers as 84,000 in Chinese too, while Django's zh_Hant has no thousands separator
# and groups by four. These apply only where grouping is asked for (humanize's intcomma, |floatformat:"g"):
# USE_THOUSAND_SEPARATOR stays off, so that years and ids in templates are never grouped.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
