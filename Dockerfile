# The portal's production image: the runtime lock only (no test or development tools), static files collected
# while building, run as an unprivileged user. compose.yaml builds and starts it; README.md, "Betrieb".
FROM python:3.11-slim

WORKDIR /app
COPY requirements/runtime.lock requirements/runtime.lock
RUN pip install --no-cache-dir --require-hashes -r requirements/runtime.lock
COPY . .
# collectstatic only needs the production settings to load: this key and host exist in this step only.
RUN DJANGO_SECRET_KEY=collectstatic-only-never-used-at-run-time DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput --settings netzwerk_site.settings.production \
    && useradd --system --no-create-home netzwerk \
    && mkdir -p /srv/media /srv/private /app/tmp/cache \
    && chown netzwerk /srv/media /srv/private /app/tmp/cache
USER netzwerk
ENV DJANGO_SETTINGS_MODULE=netzwerk_site.settings.production
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py search_rebuild && exec gunicorn netzwerk_site.wsgi --bind 0.0.0.0:8000 --workers 3"]
