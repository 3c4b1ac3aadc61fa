"""Type stubs for gleaner. Documents are plain dicts with the CLI's JSON schema."""

from typing import Any, Iterable, TypedDict

from typing_extensions import Unpack

__version__: str

Document = dict[str, Any]

class Gleaner:
    """A configured extractor: options are validated once, then parse many dumps."""

    def __init__(
        self,
        *,
        reference_date: str | None = None,
        entities: bool = True,
        quotes: bool = True,
        times: bool = True,
        amounts: bool = True,
        clusters: bool = True,
    ) -> None: ...
    def parse(self, text: str) -> Document:
        """Parse one dump into a dict (the CLI's JSON schema, byte spans)."""
    def parse_json(self, text: str) -> str:
        """Parse one dump into a compact JSON string."""
    def parse_many(self, texts: Iterable[str], jobs: int | None = None) -> list[Document]:
        """Parse on ``jobs`` threads (default: every core) without the GIL; input order."""
    def parse_many_json(self, texts: Iterable[str], jobs: int | None = None) -> list[str]:
        """Like ``parse_many``, as compact JSON strings."""

def init() -> None:
    """Load the model and gazetteers now (the first parse would otherwise do it)."""

class Options(TypedDict, total=False):
    """The keyword options of ``parse``, ``parse_json`` and ``parse_many`` (as ``Gleaner``'s)."""

    reference_date: str | None
    entities: bool
    quotes: bool
    times: bool
    amounts: bool
    clusters: bool

def parse(text: str, **options: Unpack[Options]) -> Document:
    """Parse one dump into a dict with the CLI's JSON schema (byte spans)."""
def parse_json(text: str, **options: Unpack[Options]) -> str:
    """Parse one dump into a compact JSON string (what ``gleaner --jsonl`` prints)."""
def parse_many(texts: Iterable[str], jobs: int | None = None, **options: Unpack[Options]) -> list[Document]:
    """Parse on ``jobs`` threads (default: every core) without the GIL; input order."""
