"""The desktop's data layer, without Qt (DESIGN.md §1, §4).

- `sync.api`: the registry API client (`ApiClient`);
- `sync.store`: the local store (`LocalStore`: records, reference lists, offline search);
- `sync.query`: what the one search box accepts (`parse_query`);
- `sync.credentials`: keyring, cache key, offline unlock;
- `sync.errors`: every error, with bilingual text;
- `sync.paths`: where the files live.

The outbox and the sync engine (issue 4) join this package as `sync.outbox` and
`sync.engine`. Submodules are imported on demand: importing `sync` loads nothing heavy.
"""
