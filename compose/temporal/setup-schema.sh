#!/bin/sh
# Creates or upgrades Temporal's two PostgreSQL databases; run by the temporalio/admin-tools image before the
# server starts. Safe to run on every start: setup-schema keeps a schema that is already there and update-schema
# applies only the versions the databases do not have yet, so a newer admin-tools image migrates them.
#
# temporal-sql-tool reads SQL_HOST, SQL_PORT, SQL_USER and SQL_PASSWORD from the environment (the password is
# never on a command line).
set -eu

: "${SQL_HOST:?SQL_HOST is not set}" "${SQL_USER:?SQL_USER is not set}" "${SQL_PASSWORD:?SQL_PASSWORD is not set}"
SQL_PORT=${SQL_PORT:-5432}
export SQL_PORT

schema_dir=/etc/temporal/schema/postgresql/v12

sql_tool() {
  temporal-sql-tool --plugin postgres12 --ep "$SQL_HOST" -p "$SQL_PORT" -u "$SQL_USER" "$@"
}

# PostgreSQL is healthy before this job starts; the wait only covers a restart of it in between.
attempt=1
until nc -z -w 5 "$SQL_HOST" "$SQL_PORT"; do
  if [ "$attempt" -ge 30 ]; then
    echo "setup-schema: PostgreSQL at $SQL_HOST:$SQL_PORT does not answer" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done

# migrate DATABASE SCHEMA: the database is normally created by the postgres service's init script; it is created
# here only when it is missing (which needs a login allowed to create databases).
migrate() {
  echo "setup-schema: database $1"
  if ! sql_tool --db "$1" setup-schema -v 0.0; then
    echo "setup-schema: creating database $1"
    sql_tool --db "$1" create-database
    sql_tool --db "$1" setup-schema -v 0.0
  fi
  sql_tool --db "$1" update-schema -d "$schema_dir/$2/versioned"
}

migrate temporal temporal
migrate temporal_visibility visibility
echo "setup-schema: done"
