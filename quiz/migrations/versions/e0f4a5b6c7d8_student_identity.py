"""students' identity: resume codes, letting a student in again, class lists, join limits,
and a random generator seed per quiz

Revision ID: e0f4a5b6c7d8
Revises: d9e3f4a5b6c7
Create Date: 2026-12-01 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'e0f4a5b6c7d8'
down_revision = 'd9e3f4a5b6c7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('published_quiz') as batch:
        batch.add_column(sa.Column('seed', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('roster_mode', sa.String(length=8), nullable=False, server_default=''))
    with op.batch_alter_table('attempt') as batch:
        batch.add_column(sa.Column('resume_code', sa.String(length=12), nullable=False, server_default=''))
        batch.add_column(sa.Column('rejoin_until', sa.DateTime(), nullable=True))
        batch.add_column(sa.Column('join_nonce', sa.String(length=32), nullable=False, server_default=''))
    op.create_table(
        'roster_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('quiz_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('student_key', sa.String(length=120), nullable=False),
        sa.Column('code', sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(['quiz_id'], ['published_quiz.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('quiz_id', 'student_key', name='uq_roster_student'))
    op.create_index('ix_roster_entry_quiz_id', 'roster_entry', ['quiz_id'])
    op.create_table(
        'rate_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_rate_event_key', 'rate_event', ['key'])
    op.create_index('ix_rate_event_at', 'rate_event', ['at'])


def downgrade():
    op.drop_table('rate_event')
    op.drop_table('roster_entry')
    with op.batch_alter_table('attempt') as batch:
        batch.drop_column('join_nonce')
        batch.drop_column('rejoin_until')
        batch.drop_column('resume_code')
    with op.batch_alter_table('published_quiz') as batch:
        batch.drop_column('roster_mode')
        batch.drop_column('seed')
