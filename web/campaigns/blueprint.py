"""The one blueprint of the campaign pages; each module of this package adds its routes to it."""

from flask import Blueprint

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns")
