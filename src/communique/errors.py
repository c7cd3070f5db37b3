"""The one catalogue of errors. The library raises these; only the CLI maps them to messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.records import Article


class CommuniqueError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(CommuniqueError):
    """An input could not be turned into an article (unreadable, binary, empty, not English ...).

    ``source`` names the input (path, URL, ``-`` or ``FILE.jsonl:LINE``); ``reason`` says why;
    ``article_id`` is the article's own id when one is known (a JSONL line's ``id``).
    """

    def __init__(self, source: str, reason: str, *, article_id: str | None = None) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.article_id = article_id


class NotEnglish(InputError):
    """An article in another language: not analysed, but kept. ``language`` is its ISO 639-1 code and
    ``article`` the cleaned article (its ``language`` set), so that ``ingest`` can store it unanalysed,
    searchable and counted, with ``reason`` as the reason."""

    def __init__(self, source: str, reason: str, *, language: str, article: Article,
                 article_id: str | None = None) -> None:
        super().__init__(source, reason, article_id=article_id)
        self.language = language
        self.article = article


class FetchError(InputError):
    """A URL could not be fetched (unreachable, too large, not HTML, HTTP error)."""


class TimeLimitExceeded(CommuniqueError):
    """A piece of work (one article's analysis) ran past its time limit and was interrupted
    (``communique.limits.time_limit``); ``seconds`` is the limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


class ModelNotFound(CommuniqueError):
    """The spaCy model the setting ``model`` names (or, when it is empty, any default English model)
    is not installed; the message names the setting and the install command."""


class StoreError(CommuniqueError):
    """The SQLite store could not be opened, migrated or written."""


class EvalDataMissing(CommuniqueError):
    """The evaluation data folder (or a file in it) is absent."""


class OutputError(CommuniqueError):
    """An export's output file cannot be written: it is the store itself, a folder, in a missing folder,
    not writable, or an existing file that ``--force`` was not given to replace. A usage error."""


class SettingsError(CommuniqueError):
    """A setting could not be used: an unknown key, section or ``COMMUNIQUE_*`` variable, a value of the
    wrong type or out of range, a missing or malformed config file. A usage error (the CLI exits 2).

    ``source`` names where the value came from (the config file, the environment variable or the flag);
    ``reason`` says what is wrong, naming the key, the value and what was expected.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
