"""rate events counted from one index on (key, at): a school's joins under one address

Revision ID: e6f0a1b2c3d4
Revises: d5e9f0a1b2c3
Create Date: 2026-12-02 14:30:00

"""
from alembic import op


revision = 'e6f0a1b2c3d4'
down_revision = 'd5e9f0a1b2c3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_rate_event_key_at', 'rate_event', ['key', 'at'])
    op.drop_index('ix_rate_event_key', table_name='rate_event')


def downgrade():
    op.create_index('ix_rate_event_key', 'rate_event', ['key'])
    op.drop_index('ix_rate_event_key_at', table_name='rate_event')
