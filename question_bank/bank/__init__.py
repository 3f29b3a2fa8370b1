"""The question bank's domain: articles and questions as teachers keep, share and
exchange them (no Flask, no database). `items.py` is the full-fidelity shape every
import and export format reads or writes; `checks.py` holds the rules a question must
meet to enter a bank (above all, the citation invariant against its article)."""
