"""Dates as the agency writes them: 14/03/1988 and 05/12/2026 21:05 (Django's ``pt`` wrote "14 de Março de 1988").

The admin reads these through ``FORMAT_MODULE_PATH``; input formats and numbers stay Django's ``pt``.
"""

DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
