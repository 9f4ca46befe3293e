"""The original envapp, reproduced from its description: Flask returning os.environ as JSON.

Run by bench/envapp.sh under gunicorn (Debian's python3-flask and gunicorn), one worker per core.
"""
import os

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/")
def environment():
    return jsonify(dict(os.environ))
