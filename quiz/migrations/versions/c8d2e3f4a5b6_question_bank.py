"""question bank: teachers' articles, questions and tags; written answers

Revision ID: c8d2e3f4a5b6
Revises: b7c1d2e3f4a5
Create Date: 2026-11-29 10:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c8d2e3f4a5b6'
down_revision = 'b7c1d2e3f4a5'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'bank_article',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('ref', sa.String(length=80), nullable=False),
        sa.Column('title', sa.String(length=500), nullable=False),
        sa.Column('language', sa.String(length=5), nullable=False),
        sa.Column('source', sa.String(length=500), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('passages', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['owner_id'], ['teacher.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('owner_id', 'ref', name='uq_bank_article_ref'))
    op.create_index('ix_bank_article_owner_id', 'bank_article', ['owner_id'])
    op.create_table(
        'bank_question',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('ref', sa.String(length=80), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('language', sa.String(length=5), nullable=False),
        sa.Column('prompt', sa.Text(), nullable=False),
        sa.Column('choices', sa.JSON(), nullable=False),
        sa.Column('answer', sa.JSON(), nullable=False),
        sa.Column('accepted', sa.JSON(), nullable=False),
        sa.Column('choice_feedback', sa.JSON(), nullable=False),
        sa.Column('explanation', sa.Text(), nullable=False),
        sa.Column('citations', sa.JSON(), nullable=False),
        sa.Column('display', sa.JSON(), nullable=False),
        sa.Column('difficulty', sa.String(length=8), nullable=False),
        sa.Column('origin', sa.String(length=12), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('shared', sa.Boolean(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['bank_article.id']),
        sa.ForeignKeyConstraint(['owner_id'], ['teacher.id']),
        sa.PrimaryKeyConstraint('id'))
    for column in ('owner_id', 'article_id', 'kind', 'status', 'shared'):
        op.create_index(f'ix_bank_question_{column}', 'bank_question', [column])
    op.create_table(
        'bank_tag',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(['question_id'], ['bank_question.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('question_id', 'name', name='uq_bank_tag'))
    op.create_index('ix_bank_tag_question_id', 'bank_tag', ['question_id'])
    op.create_index('ix_bank_tag_name', 'bank_tag', ['name'])
    with op.batch_alter_table('answer') as batch_op:
        batch_op.add_column(sa.Column('text', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('answer') as batch_op:
        batch_op.drop_column('text')
    op.drop_table('bank_tag')
    op.drop_table('bank_question')
    op.drop_table('bank_article')
