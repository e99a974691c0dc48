"""The public "Boleh atau tidak?" guide and its leaflet."""

from django.urls import path

from netral.prevention import guidance_views

app_name = "guidance"

urlpatterns = [
    path("boleh-atau-tidak/", guidance_views.guidance_page, name="page"),
    path("boleh-atau-tidak/selebaran.pdf", guidance_views.leaflet, name="leaflet"),
]
