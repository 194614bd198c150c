from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .models import Organisation, Role, Team, TeamMembership, User

from django.contrib.auth.models import Group

# Nobody needs Django's groups: roles decide what people may do.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("base_field", None)
        kwargs.pop("max_length", None)
        super().__init__(choices=Role.choices, required=False, **kwargs)


class UserChangeForm(forms.ModelForm):
    roles = RolesField()

    class Meta:
        model = User
        fields = ["email", "full_name", "preferred_name", "organisation", "roles", "is_active"]


class UserCreationForm(AdminUserCreationForm):
    roles = RolesField()

    class Meta:
        model = User
        fields = ["email", "full_name", "preferred_name", "organisation", "roles"]


class TeamMembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 1
    autocomplete_fields = ["team"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ["full_name"]
    list_display = ["full_name", "email", "organisation", "is_active"]
    list_filter = ["is_active", "organisation"]
    search_fields = ["full_name", "email"]
    list_select_related = ["organisation"]
    inlines = [TeamMembershipInline]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Name", {"fields": ["full_name", "preferred_name"]}),
        ("Access", {"fields": ["organisation", "roles", "is_active"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "preferred_name", "organisation", "roles", "password1", "password2"]}),
    ]
    filter_horizontal = []

    def change_view(self, request, object_id, form_url="", extra_context=None):
        user = self.get_object(request, object_id)
        if user is not None:
            audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=user, subject=user, request=request)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        action = AuditEvent.Action.CHANGE if change else AuditEvent.Action.CREATE
        audit_record(actor=request.user, action=action, obj=obj, subject=obj, request=request)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name"]
