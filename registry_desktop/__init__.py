"""Registry Desktop: the officers' Qt client."""
