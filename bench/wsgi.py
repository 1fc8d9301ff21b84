import os

from django.core.wsgi import get_wsgi_application

from config.celery import producer_warm

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
application = get_wsgi_application()

producer_warm()
