"""Run gleaner over Spark DataFrames with ``mapInArrow`` (tested with PySpark 4.3, pyarrow, pandas).

Each Spark task parses its Arrow batches with the Rust core (one thread per task by default:
Spark already runs one task per executor core), so the wheel must be installed where the
executors' Python runs (see the README, "Python and Spark")::

    from gleaner import spark as gs
    df = spark.read.text("dumps/", wholetext=True).withColumnRenamed("value", "text")
    docs = gs.parse(df, "text", output="doc")          # adds a JSON string column "doc"
    ents = gs.entities(df, "text", keep=["path"])      # one row per entity
    quotes = gs.quotes(df, "text", keep=["path"])      # one row per quote

``parse`` keeps every input column and adds ``output``, the document as the compact JSON the
CLI prints (``from_json`` or ``json.loads`` reads it); a null text gives a null document.
Options are ``gleaner.Gleaner``'s keyword options, validated on the driver before the job
starts.
"""

from __future__ import annotations

import json

import gleaner

__all__ = ["parse", "entities", "quotes", "ENTITY_FIELDS", "QUOTE_FIELDS"]

#: Columns ``entities`` adds after the kept ones: (name, Spark DDL type).
ENTITY_FIELDS = [
    ("entity", "bigint"),  # the entity's id in its document
    ("name", "string"),
    ("label", "string"),  # PER, ORG, LOC, MISC
    ("count", "bigint"),  # number of mentions
    ("salience", "double"),
    ("aliases", "array<string>"),
]

#: Columns ``quotes`` adds after the kept ones.
QUOTE_FIELDS = [
    ("quote", "bigint"),  # index in the document's quotes
    ("text", "string"),
    ("start", "bigint"),  # UTF-8 byte span of the quote in the text
    ("end", "bigint"),
    ("speaker", "string"),
    ("entity", "bigint"),  # the speaker's entity id, or null
    ("cue", "string"),  # the speech verb (said, told, ...)
]


def _check(df, text_col, options, jobs):
    from pyspark.sql.types import StringType

    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in the DataFrame; columns are {df.columns}")
    dtype = df.schema[text_col].dataType
    if not isinstance(dtype, StringType):
        raise TypeError(f"column {text_col!r} must be a string column, not {dtype.simpleString()}")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ValueError(f"jobs must be an int >= 1 or None, not {jobs!r}")
    gleaner.Gleaner(**options)  # validate on the driver: bad options fail here, not in a task


def _texts(batch, index):
    """The batch's texts, and the positions of the non-null ones."""
    texts = batch.column(index).to_pylist()
    present = [i for i, t in enumerate(texts) if t is not None]
    return texts, present


def parse(df, text_col="text", output="doc", *, jobs=1, **options):
    """Add a column ``output`` holding each row's document as a compact JSON string.

    ``text_col`` must be a string column; every input column is kept. ``jobs`` threads parse
    each Arrow batch (1 by default, since Spark runs one task per core; ``None`` uses every
    core of the executor). Raises ``ValueError``/``TypeError`` on the driver for a missing or
    non-string column, an ``output`` name already in use, or bad options.
    """
    _check(df, text_col, options, jobs)
    if output in df.columns:
        raise ValueError(f"column {output!r} already exists; pass output= another name")
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType(list(df.schema.fields) + [StructField(output, StringType(), True)])
    index = df.columns.index(text_col)

    def run(batches):
        import pyarrow as pa

        g = gleaner.Gleaner(**options)
        for batch in batches:
            texts, present = _texts(batch, index)
            docs = [None] * len(texts)
            for i, doc in zip(present, g.parse_many_json([texts[i] for i in present], jobs)):
                docs[i] = doc
            kind = batch.schema.field(index).type  # string or large_string, as Spark sends it
            yield pa.RecordBatch.from_arrays(
                batch.columns + [pa.array(docs, type=kind)],
                names=batch.schema.names + [output],
            )

    return df.mapInArrow(run, schema)


def _flat(df, text_col, keep, fields, rows, jobs, options):
    keep = list(keep or [])
    _check(df, text_col, options, jobs)
    for k in keep:
        if k not in df.columns:
            raise ValueError(f"no column {k!r} to keep; columns are {df.columns}")
    clash = sorted(set(keep) & {n for n, _ in fields})
    if clash:
        raise ValueError(f"kept column(s) {clash} clash with the table's own columns {[n for n, _ in fields]}: rename them first")
    ddl = ", ".join([f"`{k}` {df.schema[k].dataType.simpleString()}" for k in keep] + [f"`{n}` {t}" for n, t in fields])
    names = keep + [n for n, _ in fields]
    index = df.columns.index(text_col)
    kept = [df.columns.index(k) for k in keep]

    def run(batches):
        import pyarrow as pa

        g = gleaner.Gleaner(**options)
        for batch in batches:
            texts, present = _texts(batch, index)
            kept_values = [batch.column(k).to_pylist() for k in kept]
            out = {n: [] for n in names}
            docs = g.parse_many_json([texts[i] for i in present], jobs)
            for row, doc in zip(present, docs):
                for record in rows(json.loads(doc)):
                    for k, values in zip(keep, kept_values):
                        out[k].append(values[row])
                    for (n, _), v in zip(fields, record):
                        out[n].append(v)
            arrays = [pa.array(out[k], type=batch.schema.field(i).type) for k, i in zip(keep, kept)]
            arrays += [pa.array(out[n], type=_arrow(t)) for n, t in fields]
            yield pa.RecordBatch.from_arrays(arrays, names=names)

    return df.mapInArrow(run, ddl)


def _arrow(ddl):
    import pyarrow as pa

    return {
        "bigint": pa.int64(),
        "string": pa.string(),
        "double": pa.float64(),
        "array<string>": pa.list_(pa.string()),
    }[ddl]


def _entity_rows(doc):
    for e in doc["entities"]:
        yield (e["id"], e["name"], e["label"], e["count"], e["salience"], e["aliases"])


def _quote_rows(doc):
    for i, q in enumerate(doc["quotes"]):
        yield (i, q["text"], q["span"]["start"], q["span"]["end"], q["speaker"], q["entity"], q["cue"])


def entities(df, text_col="text", keep=None, *, jobs=1, **options):
    """One row per entity: the ``keep`` columns, then ``ENTITY_FIELDS``.

    A DataFrame with columns ``keep + [entity, name, label, count, salience, aliases]``;
    rows whose text is null give no rows. Options as in ``parse``.
    """
    return _flat(df, text_col, keep, ENTITY_FIELDS, _entity_rows, jobs, options)


def quotes(df, text_col="text", keep=None, *, jobs=1, **options):
    """One row per direct quote: the ``keep`` columns, then ``QUOTE_FIELDS``.

    Spans are UTF-8 byte offsets into the text, as in ``gleaner.parse``. Options as in
    ``parse``.
    """
    return _flat(df, text_col, keep, QUOTE_FIELDS, _quote_rows, jobs, options)
