"""Students: join with a code and a name, answer, submit, review."""
from flask import Blueprint

bp = Blueprint("take", __name__)


@bp.get("/")
def home():
    return "mlquiz"
