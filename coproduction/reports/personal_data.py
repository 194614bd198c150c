from coproduction.core.personal_data import register

from .models import ReportJob

register(
    ReportJob,
    title="Reports you asked for",
    user_paths=["requested_by"],
    fields=[("Report", "kind"), ("Asked for", "created_at"), ("Status", "status")],
    order_by=["-created_at"],
)
