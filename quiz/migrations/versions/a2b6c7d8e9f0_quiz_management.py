"""managing quizzes: archived quizzes; each attempt keeps the time limit it started with

Revision ID: a2b6c7d8e9f0
Revises: f1a5b6c7d8e9
Create Date: 2026-12-01 14:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a2b6c7d8e9f0'
down_revision = 'f1a5b6c7d8e9'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('published_quiz') as batch:
        batch.add_column(sa.Column('archived_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('attempt') as batch:
        batch.add_column(sa.Column('own_limit', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('time_limit_seconds', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('attempt') as batch:
        batch.drop_column('time_limit_seconds')
        batch.drop_column('own_limit')
    with op.batch_alter_table('published_quiz') as batch:
        batch.drop_column('archived_at')
