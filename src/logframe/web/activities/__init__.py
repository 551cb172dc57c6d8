"""The activity register's screens: a quarter's register, an activity, a computed figure."""
