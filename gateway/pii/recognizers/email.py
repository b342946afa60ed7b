"""Presidio's e-mail recognizer with a domain check that never reaches the network."""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer


class OfflineEmailRecognizer(EmailRecognizer):
    """Same pattern and scores; the domain is checked against tldextract's bundled suffix list.

    Presidio's version calls the module-level `tldextract.extract`, whose extractor fetches the
    public suffix list on first use unless TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="" was set before
    import; owning the extractor makes that independent of how the process was started.
    """

    def __init__(self) -> None:
        super().__init__()
        self._extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    def validate_result(self, pattern_text: str) -> bool:
        return self._extract(pattern_text).fqdn != ""
