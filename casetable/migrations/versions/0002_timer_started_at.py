"""case_tables.timer_started_at: whether the current phase's countdown was ever started

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('case_tables', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timer_started_at', sa.DateTime(timezone=True), nullable=True))

    # Existing tables keep the label they showed before: a countdown that runs, or one paused at
    # another time than the phase's full minutes (the old guess), counts as started.
    case_tables = sa.table(
        'case_tables',
        sa.column('id', sa.Integer()),
        sa.column('phases', sa.JSON()),
        sa.column('phase_index', sa.Integer()),
        sa.column('phase_started_at', sa.DateTime(timezone=True)),
        sa.column('timer_ends_at', sa.DateTime(timezone=True)),
        sa.column('timer_remaining', sa.Integer()),
        sa.column('timer_started_at', sa.DateTime(timezone=True)),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(case_tables).where(case_tables.c.phase_started_at.is_not(None))
    ).mappings()
    started = []
    for row in rows:
        phases = row['phases'] or []
        phase = phases[min(row['phase_index'], len(phases) - 1)] if phases else {}
        full = int(phase.get('minutes') or 0) * 60
        if row['timer_ends_at'] is not None or row['timer_remaining'] not in (None, full):
            started.append({'row_id': row['id'], 'at': row['phase_started_at']})
    if started:
        connection.execute(
            case_tables.update()
            .where(case_tables.c.id == sa.bindparam('row_id'))
            .values(timer_started_at=sa.bindparam('at')),
            started,
        )


def downgrade():
    with op.batch_alter_table('case_tables', schema=None) as batch_op:
        batch_op.drop_column('timer_started_at')
