"""documents rendered after their step commits: frozen payload, bytes and hash filled in later

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("payload", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("rendered_at", sa.DateTime(), nullable=True))
        batch.alter_column("sha256", existing_type=sa.String(length=64), nullable=True)
        batch.alter_column("size", existing_type=sa.Integer(), nullable=True)
        batch.alter_column("content", existing_type=sa.LargeBinary(), nullable=True)
    op.execute("UPDATE document SET rendered_at = created_at")
    op.create_index(
        "ix_document_unrendered",
        "document",
        ["id"],
        postgresql_where=sa.text("rendered_at IS NULL"),
        sqlite_where=sa.text("rendered_at IS NULL"),
    )


def downgrade() -> None:
    """Revision 0005 keeps every document's PDF in its row: refuse, before anything changes, while
    some document still waits for its PDF, since dropping ``payload`` would lose what it is made of."""
    waiting = op.get_bind().scalar(sa.text("SELECT count(*) FROM document WHERE rendered_at IS NULL"))
    if waiting:
        raise RuntimeError(
            f"还有 {waiting} 份文书的 PDF 尚未生成，不能降级到 0005："
            "先运行 caseflow worker --once 生成全部 PDF"
        )
    op.drop_index("ix_document_unrendered", table_name="document")
    with op.batch_alter_table("document") as batch:
        batch.alter_column("content", existing_type=sa.LargeBinary(), nullable=False)
        batch.alter_column("size", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("sha256", existing_type=sa.String(length=64), nullable=False)
        batch.drop_column("rendered_at")
        batch.drop_column("payload")
