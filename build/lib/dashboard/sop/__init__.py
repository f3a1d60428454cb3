"""The SOP library: registry and revisions, mutu baku waktu, SOP runs and their steps."""
