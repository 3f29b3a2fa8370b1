"""What a teacher chooses when printing, validated once for the CLI and the web app."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .variants import MAX_VARIANTS

MAX_COPIES = 200
KeyPlacement = Literal["end", "separate", "none"]


class PrintOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    paper: Literal["a4", "letter"] = "a4"
    variants: int = Field(1, ge=1, le=MAX_VARIANTS)
    # None: one copy of each version. Copies are dealt A, B, A, B… so neighbours differ.
    copies: int | None = Field(None, ge=1, le=MAX_COPIES)
    key: KeyPlacement = "end"
    seed: int | None = None
    # Two-sided printing: a blank page after a copy with an odd number of pages, so every
    # copy (and the key) starts on a sheet of its own.
    duplex: bool = False

    @model_validator(mode="after")
    def _enough_copies(self) -> "PrintOptions":
        if self.copies is not None and self.copies < self.variants:
            raise ValueError(f"{self.copies} copies cannot hold {self.variants} versions; ask for at least {self.variants}")
        return self

    @property
    def copy_count(self) -> int:
        return self.variants if self.copies is None else self.copies

    @property
    def show_version(self) -> bool:
        return self.variants > 1
