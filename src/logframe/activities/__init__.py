"""The activity register: trainings, workshops, meetings and surveys of a project's quarters,
with their participants, the source of the indicators bound to rules over them."""
