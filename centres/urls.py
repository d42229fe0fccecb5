from django.urls import path

from centres import register_urls, views
from centres.parts import PARTS, SECTIONS

app_name = "centres"


def _part_urls():
    urls = []
    for slug in PARTS:
        urls += [
            path(f"<int:pk>/{slug}/add/", views.part_add, {"part": slug}, name=f"{slug}_add"),
            path(
                f"<int:pk>/{slug}/<int:item_pk>/edit/",
                views.part_edit,
                {"part": slug},
                name=f"{slug}_edit",
            ),
            path(
                f"<int:pk>/{slug}/<int:item_pk>/delete/",
                views.part_delete,
                {"part": slug},
                name=f"{slug}_delete",
            ),
        ]
    return urls


urlpatterns = (
    [
        path("", views.centre_list, name="list"),
        path("new/", views.centre_create, name="create"),
        path("<int:pk>/", views.centre_detail, name="detail"),
        path("<int:pk>/edit/", views.centre_edit, name="edit"),
    ]
    + [
        path(
            f"<int:pk>/edit/{section}/",
            views.section_edit,
            {"section": section},
            name=f"edit_{section}",
        )
        for section in SECTIONS
    ]
    + _part_urls()
    + [
        path("<int:pk>/plans/add/", views.plan_add, name="plan_add"),
        path("<int:pk>/plans/<int:plan_pk>/edit/", views.plan_edit, name="plan_edit"),
        path("<int:pk>/plans/<int:plan_pk>/delete/", views.plan_delete, name="plan_delete"),
        path("<int:pk>/evidence/add/", views.evidence_add, name="evidence_add"),
        path(
            "<int:pk>/evidence/<int:evidence_pk>/delete/",
            views.evidence_delete,
            name="evidence_delete",
        ),
        path(
            "<int:pk>/evidence/<int:evidence_pk>/file/", views.evidence_file, name="evidence_file"
        ),
    ]
    + register_urls.urlpatterns
)
