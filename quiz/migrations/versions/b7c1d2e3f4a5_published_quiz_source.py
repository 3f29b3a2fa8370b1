"""published quizzes remember where their article comes from (printed on worksheets)

Revision ID: b7c1d2e3f4a5
Revises: 65f222098269
Create Date: 2026-11-29 10:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'b7c1d2e3f4a5'
down_revision = '65f222098269'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('published_quiz') as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=500), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('published_quiz') as batch_op:
        batch_op.drop_column('source')
