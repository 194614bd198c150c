"""Who may do what with specifications and the glossary. The object is the programme (for the
glossary, none): the group reads and comments, commissioners write and answer. Whether a version
can still change (a draft) is a fact about the version, checked in services."""

import rules

from commissioning.rules import is_commissioner, is_group_member
from coproduction.accounts.rules import is_administrator

# The specifications of a programme, their versions, comments and answers, and their PDFs.
rules.add_perm("specifications.view_specification", is_group_member | is_commissioner)
# Commenting on a section, proposing wording, suggesting a question for bidders.
rules.add_perm("specifications.comment_on_specification", is_group_member | is_commissioner)
# Writing sections, criteria and questions in the draft; publishing; starting a new draft.
rules.add_perm("specifications.change_specification", is_commissioner)
# Answering the group's comments.
rules.add_perm("specifications.answer_comment", is_commissioner)
# The council's glossary: everyone signed in reads it; the council maintains it.
rules.add_perm("specifications.view_glossary", rules.is_authenticated)
rules.add_perm("specifications.change_glossary", is_commissioner | is_administrator)
