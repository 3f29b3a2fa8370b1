"""Rule packs: what a critical reader should notice, written as data per language."""
