from coproduction.core.personal_data import exempt

from .models import ImportRun, SourceMapping

exempt(SourceMapping, reason="Records only which administrator last changed a mapping: part of the audit trail.")
exempt(ImportRun, reason="Records only which administrator ran an import, and counts and row numbers, never names: part of the audit trail.")
