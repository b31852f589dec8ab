"""The Annotation Lib's ``tr``: its words for people in English or Chinese.

The language and the mechanism are the QC Lib's (``CNSTumorQCLib.i18n``: ``--lang zh``,
``CNSTUMOR_LANG``); the Chinese lives in this Lib's own ``translations/*_zh-CN.ts`` files,
kept in step with the code by ``Utilities/update_translations.py``.
"""

from __future__ import annotations

from pathlib import Path

from CNSTumorQCLib.i18n import (
    LANGUAGES,
    N_,
    Translator,
    html_lang,
    language,
    set_language,
    using_language,
)

tr = Translator(Path(__file__).resolve().parent)

__all__ = ["LANGUAGES", "N_", "html_lang", "language", "set_language", "tr", "using_language"]
