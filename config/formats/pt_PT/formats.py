"""Dates as the agency writes them: 14/03/1988 and 05/12/2026 21:05 (Django's ``pt`` wrote "14 de Março de 1988").

The admin reads these through ``FORMAT_MODULE_PATH``; numbers stay Django's ``pt``. A date field shows its value in
the first input format, which in Django's ``pt`` is ISO: the intake link's default expiry read "2026-12-21" (blind
probe r69a, I-9), and the calendar's "Hoje" wrote it so. Day first here; ISO is still read.
"""

DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S.%f",
    "%d/%m/%Y %H:%M",
    "%d/%m/%y %H:%M:%S",
    "%d/%m/%y %H:%M:%S.%f",
    "%d/%m/%y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
]
