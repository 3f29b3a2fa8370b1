"""why an attempt ended: the student handed in, time ran out, or the teacher closed the quiz

Revision ID: d5e9f0a1b2c3
Revises: c4d8e9f0a1b2
Create Date: 2026-12-01 20:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'd5e9f0a1b2c3'
down_revision = 'c4d8e9f0a1b2'
branch_labels = None
depends_on = None


def upgrade():
    # Nullable: attempts ended before this was recorded keep having their reason read from
    # their times (quiz/attempts.py, handed_in_how).
    with op.batch_alter_table('attempt') as batch:
        batch.add_column(sa.Column('ended_by', sa.String(length=16), nullable=True))


def downgrade():
    with op.batch_alter_table('attempt') as batch:
        batch.drop_column('ended_by')
