from __future__ import annotations

from django.urls import path

from gongkai.web.registers.views import registers

app_name = "registers"
urlpatterns = [
    path("", registers.document_list, name="documents"),
    path("<int:pk>/", registers.document_detail, name="document"),
    path("<int:pk>/amend/", registers.document_amend, name="amend"),
    path("<int:pk>/end/", registers.document_end, name="end"),
    path("figures/", registers.figures, name="figures"),
    path("figures/import/", registers.figures_import, name="figures_import"),
]
