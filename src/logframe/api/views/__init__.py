"""The API's views: thin, as the web's: look up through the access checks, call one
service or selector, answer with a serializer."""
