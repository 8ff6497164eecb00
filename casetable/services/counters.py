"""Per-table counters (sequence, revision, person number), taken atomically on the table row.

One `UPDATE ... SET n = n + k RETURNING n` per take: the row stays locked until commit, so two
workers never get the same number and a rolled-back take leaves no gap. The statements are built
once: building them cost more CPU than running them (benchmarks/post_path.py).
"""

from __future__ import annotations

from sqlalchemy import bindparam, update

from casetable.extensions import db
from casetable.models import CaseTable

_TABLES = CaseTable.__table__
_TAKE = {
    name: update(_TABLES)
    .where(_TABLES.c.id == bindparam("table_id"))
    .values({name: _TABLES.c[name] + bindparam("count")})
    .returning(_TABLES.c[name])
    for name in ("next_seq", "next_rev", "next_person")
}


def take(table_id: int, counter: str, count: int = 1) -> int:
    """Take `count` consecutive numbers of a table's counter; returns the counter's new value
    (the first number taken is that minus `count`)."""
    params = {"table_id": table_id, "count": count}
    return int(db.session.execute(_TAKE[counter], params).scalar_one())
