"""Who may do what in a programme's review: co-assessment, surveys, focus groups, complaints and
Working Together for Change. The object is the programme. The group (people who use services,
carers and others) reads and takes part; commissioners set things up and record decisions.
Review statements in Working Together for Change reach the group only without names."""

import rules

from commissioning.rules import is_commissioner, is_group_member

# Pages of the review tab: co-assessments, surveys' results, focus groups, WTfC themes.
rules.add_perm("coassessment.view_review", is_group_member | is_commissioner)
# Theming statements together, answering a survey as a member.
rules.add_perm("coassessment.take_part", is_group_member | is_commissioner)
# Starting an exercise, writing a survey, recording focus groups, co-assessments and decisions.
rules.add_perm("coassessment.manage_review", is_commissioner)
# Logging complaints and compliments, and reading what each was about (not a programme page).
rules.add_perm("coassessment.log_complaints", is_commissioner)
