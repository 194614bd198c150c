from coproduction.governance.access_review.urls import urlpatterns as access_review_urlpatterns
from coproduction.governance.consent.urls import urlpatterns as consent_urlpatterns
from coproduction.governance.retention.urls import urlpatterns as retention_urlpatterns
from coproduction.governance.sar.urls import urlpatterns as sar_urlpatterns

app_name = "governance"
# Each part keeps its own URL list; all share the "governance" namespace.
urlpatterns = [*sar_urlpatterns, *consent_urlpatterns, *retention_urlpatterns, *access_review_urlpatterns]
