from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0003_communication_needs_braille_and_audio'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='postcode',
            field=models.CharField(blank=True, max_length=8),
        ),
    ]
