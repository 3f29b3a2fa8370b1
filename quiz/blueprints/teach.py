"""Teachers: paste an article, choose questions, publish, follow results."""
from flask import Blueprint
from flask_login import login_required

bp = Blueprint("teach", __name__, url_prefix="/teach")


@bp.get("/")
@login_required
def dashboard():
    return "teach"
