"""The first published statements, as data: the migration publishes them, and so does the demo
data when it finds none (a database emptied by `flush` has lost what migrations put in)."""

TITLE = "Care and support planning statements"
NOTES = (
    "Statements 1 to 10 are about planning and are the checklist. Statements 11 and 12 are about reviews. "
    "The wording is from a council's published copy and has not yet been checked against the TLAP guide itself."
)
SOURCE = (
    "Think Local Act Personal, Delivering Care and Support Planning (2015), "
    "statements written with the National Co-production Advisory Group, as published by Shropshire Council"
)
SOURCE_URL = "https://next.shropshire.gov.uk/adult-social-care/schemes-and-teams/direct-payments-in-adult-social-care/support-planning/support-planning-resources"

# (number, part, wording, plain wording)
STATEMENTS = [
    (1, "planning", "I'm trusted to write my own care and support plan, with whatever help I need.",
     "I can write my own plan. I get the help I need to do it."),
    (2, "planning", "My care and support plan is about the whole of my life, not just about assessed needs or money.",
     "My plan is about all of my life. It is not just about money or what I was assessed for."),
    (3, "planning", "I'm encouraged and supported to think creatively about ways to achieve my outcomes.",
     "People help me think of new ideas to get the life I want."),
    (4, "planning", "If I need help to plan, I can choose who supports me and who will help put the plan into practice.",
     "I choose who helps me plan. I choose who helps make my plan happen."),
    (5, "planning", "People who support me to plan have a flexible, open, honest, positive, solution-focused attitude.",
     "The people who help me plan are open, honest and positive. They look for ways to make things work."),
    (6, "planning", "I can involve friends and family in the process if I choose.",
     "I can have my friends and family with me if I want."),
    (7, "planning", "I have all the information I need to plan, and I have it when I need it in an accessible way, "
     "including signposting to what's available locally.",
     "I get the information I need, when I need it, in a way I understand. I am told what there is near me."),
    (8, "planning", "I'm supported to take risks, and know it's OK to make mistakes and change my mind.",
     "I can try new things. It is OK to make mistakes and to change my mind."),
    (9, "planning", "The process from assessment through to review is transparent and clear. "
     "I know what to expect and when to expect it.",
     "I know what will happen next, and when. Everything is clear to me."),
    (10, "planning", "People do what they say they'll do.",
     "People do what they say they will do."),
    (11, "review", "My review is person-centred, focused on me and my life, my outcomes and what's working and not working "
     "- not just the money.",
     "My review is about me and my life: what is working and what is not. It is not just about money."),
    (12, "review", "Through my review I can contribute my views to improving the system as well.",
     "In my review I can say how services could be better for everyone."),
]




def publish_first_statement_set(StatementSet, Statement):
    """Publish version 1 unless a statement set exists; the model classes are passed in so the
    migration can use its historical models. Returns the newest set."""
    if not StatementSet.objects.exists():
        statement_set = StatementSet.objects.create(
            version=1, title=TITLE, source=SOURCE, source_url=SOURCE_URL, wording_checked=False, notes=NOTES
        )
        Statement.objects.bulk_create(
            Statement(statement_set=statement_set, number=number, part=part, wording=wording, plain_wording=plain)
            for number, part, wording, plain in STATEMENTS
        )
    return StatementSet.objects.order_by("-version").first()
