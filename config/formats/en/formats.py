"""The English admin writes dates as the Portuguese one does (05/12/2026 21:05), not "Dec. 5, 2026, 9:05 p.m.":
the agency, its documents and its applicants are in Portugal."""

DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
