import os

from django.core.wsgi import get_wsgi_application

from config.celery import producer_warm

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

producer_warm()
