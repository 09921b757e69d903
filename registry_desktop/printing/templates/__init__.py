"""One module per printed document; each turns a dossier into a `DocumentSpec`."""
