"""Collection periods: opening with the request letter, deadlines on the working calendar,
and step timeliness against the SOP's mutu baku waktu."""
