"""Running footlog for real: probes (/healthz, /readyz), metrics (/metrics), error reports, the worker and beat
checks, and backup/restore of the default install. docs/deploy.md "Operations" is the operator's guide."""
