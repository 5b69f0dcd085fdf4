# newsfacts API image: gunicorn serving the Flask app, spaCy model baked in.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000 \
    WEB_CONCURRENCY=2

WORKDIR /app

RUN groupadd --system --gid 10001 newsfacts \
    && useradd --system --uid 10001 --gid newsfacts --home-dir /app --no-create-home newsfacts

# Dependencies (including the spaCy model package) in their own layer, so a
# code change does not reinstall them.
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock

COPY gunicorn.conf.py pyproject.toml README.md ./
COPY service ./service
COPY seeds ./seeds

USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('PORT', '8000'), timeout=4)"]

CMD ["gunicorn", "-c", "gunicorn.conf.py", "service.wsgi:app"]
