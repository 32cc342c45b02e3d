#!/usr/bin/env bash
# The PostgreSQL server the tests use: the machine's PostgreSQL 15 cluster, started if it is down,
# with a test role that may create databases and roles but is no superuser (renewal needs none).
# Idempotent; prints the role's URL on stdout. Run as root (CI and the test machines are).
set -euo pipefail
export PATH="$PATH:/usr/lib/postgresql/15/bin"
# One at a time: test processes that start together must not start the cluster twice.
exec 9>/tmp/renewal-test-postgres.lock
flock 9
if ! pg_lsclusters -h 2>/dev/null | awk '$1 == 15 && $2 == "main"' | grep -q .; then
    pg_createcluster 15 main </dev/null >/dev/null
fi
if [ "$(pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}')" != online ]; then
    # The server outlives this script, so it must inherit none of our descriptors: not our
    # output (a caller reading it to the end would wait forever), not the lock, and not the
    # socket Foundation's Process (the tests) watches to learn that its child has ended.
    (
        me=$BASHPID
        for fd in $(ls "/proc/$me/fd"); do
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
        done
        exec pg_ctlcluster 15 main start </dev/null >/dev/null 2>&1
    )
fi
port=$(pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $3}')
runuser -u postgres -- psql -qtA -p "$port" -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'renewal_test') THEN
        CREATE ROLE renewal_test LOGIN CREATEDB CREATEROLE PASSWORD 'renewal-test';
    END IF;
END $$;
SQL
echo "postgresql://renewal_test@127.0.0.1:$port/postgres?sslmode=disable"
