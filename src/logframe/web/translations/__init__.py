"""The Translations screen: a project's texts beside their versions in another language."""
