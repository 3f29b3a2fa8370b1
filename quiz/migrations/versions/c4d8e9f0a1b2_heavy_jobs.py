"""heavy jobs per teacher (analyses, PDFs) in the database: a limit every worker shares

Revision ID: c4d8e9f0a1b2
Revises: b3c7d8e9f0a1
Create Date: 2026-12-01 16:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c4d8e9f0a1b2'
down_revision = 'b3c7d8e9f0a1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'heavy_job',
        sa.Column('teacher_id', sa.Integer(), nullable=False),
        sa.Column('slot', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('token', sa.String(length=32), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('teacher_id', 'slot'))


def downgrade():
    op.drop_table('heavy_job')
