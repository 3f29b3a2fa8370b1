"""failed logins in the database (rate limit shared by every worker)

Revision ID: d9e3f4a5b6c7
Revises: c8d2e3f4a5b6
Create Date: 2026-11-29 10:55:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'd9e3f4a5b6c7'
down_revision = 'c8d2e3f4a5b6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'login_failure',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_login_failure_key', 'login_failure', ['key'])
    op.create_index('ix_login_failure_at', 'login_failure', ['at'])


def downgrade():
    op.drop_table('login_failure')
