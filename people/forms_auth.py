from django import forms
from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label="Staff number",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    error_messages = {
        "invalid_login": "Check your staff number and password and try again.",
        "inactive": "This account is closed. Ask an admin if you think that is wrong.",
    }
