"""The public portal: applicants apply online (Art. 29, 31) and follow their case.

Nothing here writes a case: an online submission is kept as an :class:`OnlineApplication`
until the agency confirms it (Art. 31(三): the date both parties confirm is the date of
receipt); confirming registers the case through ``gongkai.web.cases.services.register``.
"""
