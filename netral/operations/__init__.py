"""Operations: running Netral for years (scheduled jobs, retention, backup and restore)."""
