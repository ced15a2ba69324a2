"""User settings and the UI language: Thai (the source language) or English (ui/i18n/areaplan_en.qm).

The language is read from QSettings "language" ("th" default, "en") when the application starts; View →
ภาษา / Language stores a new choice, applied when AreaPlan starts again.

Maintainers: after changing user-facing strings run
    .venv/bin/pyside6-lupdate ui/*.py -source-language th_TH -target-language en -ts ui/i18n/areaplan_en.ts
fill the English texts (pyside6-linguist), then
    .venv/bin/pyside6-lrelease ui/i18n/areaplan_en.ts -qm ui/i18n/areaplan_en.qm

lupdate sees only literal texts: use ``self.tr("…")`` in a QObject subclass or
``QCoreApplication.translate("Context", "…")`` elsewhere (never ``window.tr``), put variables in with
``.format(...)``, and mark Thai tables translated at display time with ``QT_TRANSLATE_NOOP("Context", "…")``
(tests/ui/test_i18n.py checks this).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

ORGANIZATION = "AreaPlan"
APPLICATION = "AreaPlan"
#: Set to a folder to keep the settings file there (tests, portable installs).
SETTINGS_DIR_VARIABLE = "AREAPLAN_SETTINGS_DIR"
I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES: dict[str, str] = {"th": "ไทย", "en": "English"}
DEFAULT_LANGUAGE = "th"

_installed: list[QTranslator] = []


def user_settings() -> QSettings:
    """The user's AreaPlan settings (an INI file; under $AREAPLAN_SETTINGS_DIR when that is set)."""
    folder = os.environ.get(SETTINGS_DIR_VARIABLE)
    if folder:
        return QSettings(str(Path(folder) / "AreaPlan.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def saved_language() -> str:
    """The language chosen in the settings ("th" or "en"; Thai when unset or unknown)."""
    value = str(user_settings().value("language", DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    """Remember a language for the next start."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {sorted(LANGUAGES)}")
    settings = user_settings()
    settings.setValue("language", language)
    settings.sync()


def translation_file(language: str) -> Path | None:
    """The compiled translation of a language (None for Thai, the source language)."""
    return None if language == DEFAULT_LANGUAGE else I18N_DIR / f"areaplan_{language}.qm"


def current_language() -> str:
    """The language whose translator is installed now."""
    return "en" if _installed else DEFAULT_LANGUAGE


def install_translator(app: QCoreApplication | None = None, language: str | None = None) -> str:
    """Install the translators of `language` (default: the saved one); return the language in effect.

    Replaces translators installed earlier by this function. Thai needs none (the source strings are Thai).
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a translator")
    language = language or saved_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qm = translation_file(language)
    if qm is None:
        return DEFAULT_LANGUAGE
    ours = QTranslator(app)
    if not ours.load(str(qm)):
        return DEFAULT_LANGUAGE  # missing .qm: stay Thai rather than show a mix
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)  # Qt's own dialogs and buttons
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
