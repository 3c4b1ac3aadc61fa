"""gleaner: turn raw text dumps of news pages into structured data.

A dump is whatever a person copied from a news site: headline lists, an article with its
title, dateline, quotes and byline, page clutter. ``parse`` returns a plain ``dict`` with
the same schema as the ``gleaner`` CLI's JSON: ``kind``, ``headlines``, ``articles``,
``boilerplate``, ``mentions``, ``entities``, ``quotes``, ``times``, ``amounts``,
``clusters``, ``stats``. Spans are UTF-8 **byte** offsets, as in the CLI::

    import gleaner
    doc = gleaner.parse(text, reference_date="2026-01-09")
    span = doc["headlines"][0]["span"]
    text.encode()[span["start"]:span["end"]].decode()

Options (keyword-only, validated once by ``Gleaner``): ``reference_date`` (``"YYYY-MM-DD"``
or ``None``), ``entities``, ``quotes``, ``times``, ``amounts``, ``clusters`` (``True`` by
default). A bad date raises ``ValueError``; a value of the wrong type or an unknown option
raises ``TypeError``. Parsing never fails for any ``str``; anything else raises ``TypeError``.

``Gleaner.parse_many(texts, jobs=None)`` parses a batch on ``jobs`` threads (default: every
core) without holding the GIL. ``gleaner.spark`` runs the same parser over Spark DataFrames.
"""

from ._gleaner import Gleaner, __version__, init

__all__ = ["Gleaner", "parse", "parse_json", "parse_many", "init", "__version__"]

Gleaner.__doc__ = """A configured extractor: options are validated once, then parse many dumps.

    g = gleaner.Gleaner(reference_date="2026-01-09", clusters=False)
    doc = g.parse(text)                      # dict, the CLI's JSON schema
    docs = g.parse_many(texts, jobs=2)       # list of dicts, in input order

Keyword-only options: ``reference_date`` (``"YYYY-MM-DD"`` or ``None``), ``entities``,
``quotes``, ``times``, ``amounts``, ``clusters`` (booleans, default ``True``). Raises
``ValueError`` for a bad date and ``TypeError`` for a wrong type or an unknown option.
Instances are immutable and safe to share between threads.
"""

_default = None


def _configured(options):
    global _default
    if options:
        return Gleaner(**options)
    if _default is None:
        _default = Gleaner()
    return _default


def parse(text, **options):
    """Parse one dump into a dict with the CLI's JSON schema (byte spans).

    ``options`` are ``Gleaner``'s keyword options. Raises ``TypeError`` if ``text`` is not a
    ``str`` and ``ValueError``/``TypeError`` for bad options; never fails otherwise.
    """
    return _configured(options).parse(text)


def parse_json(text, **options):
    """Parse one dump into a compact JSON string (what ``gleaner --jsonl`` prints for it)."""
    return _configured(options).parse_json(text)


def parse_many(texts, jobs=None, **options):
    """Parse an iterable of dumps on ``jobs`` threads (default: every core), GIL released.

    Returns a list of dicts in input order. Raises ``TypeError`` naming the first item that
    is not a ``str`` (before any parsing), ``ValueError`` if ``jobs`` < 1.
    """
    return _configured(options).parse_many(texts, jobs)
