"""teachers' session token: logging out ends the session on the server

Revision ID: f1a5b6c7d8e9
Revises: e0f4a5b6c7d8
Create Date: 2026-12-01 13:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'f1a5b6c7d8e9'
down_revision = 'e0f4a5b6c7d8'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('teacher') as batch:
        batch.add_column(sa.Column('session_token', sa.String(length=32), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('teacher') as batch:
        batch.drop_column('session_token')
