FROM python:3.11-slim-bookworm
# Production is the image's default: it refuses the public development secrets and DEBUG.
ENV PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 OMP_THREAD_LIMIT=1 DJANGO_ENV=production
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-por libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements/ requirements/
RUN pip install --no-cache-dir -r requirements/base.txt
COPY . .
RUN DJANGO_ENV=development python manage.py collectstatic --noinput
RUN useradd --system app && chown -R app /app
USER app
EXPOSE 8000
