import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("prevention", "0002_appeals"),
        ("regions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CoordinationMeeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('title', models.CharField(max_length=300, verbose_name='judul')),
                ('held_on', models.DateField(verbose_name='tanggal')),
                ('place', models.CharField(max_length=300, verbose_name='tempat')),
                ('summary', models.TextField(blank=True, verbose_name='ringkasan')),
                ('minutes_path', models.CharField(blank=True, max_length=300)),
                ('minutes_sha256', models.CharField(blank=True, max_length=64)),
                ('recorded_at', models.DateTimeField()),
                ('office_region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regions.region')),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'rapat koordinasi',
                'verbose_name_plural': 'rapat koordinasi',
                'ordering': ['-held_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='IntegrityPact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('signatory_name', models.CharField(max_length=200, verbose_name='nama penanda tangan')),
                ('signatory_position', models.CharField(max_length=200, verbose_name='jabatan penanda tangan')),
                ('signed_on', models.DateField(verbose_name='tanggal penandatanganan')),
                ('occasion', models.CharField(max_length=300, verbose_name='kegiatan penandatanganan')),
                ('file_path', models.CharField(blank=True, max_length=300)),
                ('file_sha256', models.CharField(blank=True, max_length=64)),
                ('recorded_at', models.DateTimeField()),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regions.region')),
            ],
            options={
                'verbose_name': 'pakta integritas',
                'verbose_name_plural': 'pakta integritas',
                'ordering': ['-signed_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Commitment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField(verbose_name='isi komitmen')),
                ('owner_institution', models.CharField(max_length=200, verbose_name='penanggung jawab')),
                ('due_on', models.DateField(verbose_name='tenggat')),
                ('status', models.CharField(choices=[('open', 'Belum dimulai'), ('in_progress', 'Sedang berjalan'), ('done', 'Terlaksana'), ('not_done', 'Tidak terlaksana')], default='open', max_length=12)),
                ('status_note', models.TextField(blank=True, verbose_name='catatan tindak lanjut')),
                ('status_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField()),
                ('owner_region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regions.region')),
                ('status_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='commitments', to='prevention.coordinationmeeting')),
            ],
            options={
                'ordering': ['due_on', 'pk'],
                'indexes': [models.Index(fields=['owner_region', 'status'], name='commitment_owner_idx')],
            },
        ),
        migrations.CreateModel(
            name='MeetingParticipant',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('institution', models.CharField(max_length=200, verbose_name='instansi')),
                ('people', models.PositiveIntegerField(verbose_name='jumlah orang')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participants', to='prevention.coordinationmeeting')),
            ],
            options={
                'ordering': ['meeting', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('meeting', 'institution'), name='meeting_participant_unique')],
            },
        ),
        migrations.CreateModel(
            name='PreventionActivity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('kind', models.CharField(choices=[('socialisation', 'Sosialisasi'), ('field_patrol', 'Patroli lapangan'), ('social_patrol', 'Patroli media sosial'), ('coordination', 'Rapat koordinasi')], max_length=16)),
                ('held_on', models.DateField(verbose_name='tanggal')),
                ('place', models.CharField(max_length=300, verbose_name='tempat')),
                ('audience', models.CharField(max_length=300, verbose_name='sasaran')),
                ('reach', models.PositiveIntegerField(verbose_name='jumlah orang yang dijangkau')),
                ('description', models.TextField(blank=True, verbose_name='uraian')),
                ('recorded_at', models.DateTimeField()),
                ('meeting', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='activity', to='prevention.coordinationmeeting')),
                ('office_region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regions.region')),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'kegiatan pencegahan',
                'verbose_name_plural': 'kegiatan pencegahan',
                'ordering': ['-held_on', '-pk'],
                'indexes': [models.Index(fields=['office_region', 'kind'], name='activity_office_kind_idx')],
            },
        ),
    ]
