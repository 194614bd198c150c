from django.db import migrations

# A starting list; each council edits its own. Drawn from what people commonly say matters
# in person-centred reviews.
THEMES = [
    "Being listened to", "Friends and relationships", "Getting out and about", "Health and wellbeing",
    "Home and housing", "Money and benefits", "Staff and support workers", "Things to do in the day",
    "Transport", "Work, learning and volunteering",
]


def add_themes(apps, schema_editor):
    ReviewTheme = apps.get_model("careplans", "ReviewTheme")
    for name in THEMES:
        ReviewTheme.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("careplans", "0003_reviews")]
    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
