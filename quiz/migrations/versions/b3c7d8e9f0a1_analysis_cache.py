"""an article's findings kept for a day: publishing does not analyse it again

Revision ID: b3c7d8e9f0a1
Revises: a2b6c7d8e9f0
Create Date: 2026-12-01 14:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'b3c7d8e9f0a1'
down_revision = 'a2b6c7d8e9f0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'analysis_cache',
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('findings', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('digest'))
    op.create_index('ix_analysis_cache_created_at', 'analysis_cache', ['created_at'])


def downgrade():
    op.drop_index('ix_analysis_cache_created_at', table_name='analysis_cache')
    op.drop_table('analysis_cache')
