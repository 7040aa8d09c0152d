#!/usr/bin/env bash
# Run by the postgres image once, when it initialises an empty data directory (/docker-entrypoint-initdb.d/).
# Creates one login and one database per Saga Shop service, and Temporal's login with its two databases.
#
#   SAGASHOP_DATABASES    space-separated name:password pairs; each name is a login and the database it owns
#   TEMPORAL_DB_PASSWORD  the password of the login "temporal", owner of "temporal" and "temporal_visibility"
#
# Each database can be reached only by its owner (and superusers): CONNECT is revoked from PUBLIC.
# The entrypoint may source this file rather than run it, so it defines functions and sets nothing but -e.
set -Eeo pipefail

sagashop_psql() {
  psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "${POSTGRES_USER:-postgres}" "$@"
}

# create_owned_databases LOGIN PASSWORD DATABASE...
sagashop_create_owned_databases() {
  local login=$1 password=$2 database
  shift 2
  if [[ ! $login =~ ^[a-z_][a-z0-9_]*$ ]]; then
    echo "create-databases: '$login' is not a valid login name (lower case letters, digits, _)" >&2
    return 1
  fi
  if [[ -z $password ]]; then
    echo "create-databases: no password given for login '$login'" >&2
    return 1
  fi
  # psql variables quote the values (:'x' as a literal, %I/%L in format()), so passwords need no escaping.
  sagashop_psql --dbname postgres -v login="$login" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'login')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'login')\gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'login', :'password')\gexec
SQL
  for database in "$@"; do
    sagashop_psql --dbname postgres -v login="$login" -v database="$database" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'login')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database')\gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database')\gexec
SQL
    echo "create-databases: database $database, owned by $login"
  done
}

sagashop_create_databases() {
  local entry entries
  # Split on whitespace only: a password with * or ? must not be expanded as a file name pattern.
  read -r -a entries <<<"${SAGASHOP_DATABASES:?SAGASHOP_DATABASES is not set}"
  for entry in "${entries[@]}"; do
    if [[ $entry != *:* ]]; then
      echo "create-databases: '$entry' in SAGASHOP_DATABASES is not name:password" >&2
      return 1
    fi
    # The name ends at the first colon; the password is the rest and may contain colons.
    sagashop_create_owned_databases "${entry%%:*}" "${entry#*:}" "${entry%%:*}"
  done

  sagashop_create_owned_databases temporal "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD is not set}" \
    temporal temporal_visibility
  # Temporal's visibility schema uses btree_gin; creating it here does not rely on the extension being trusted.
  sagashop_psql --dbname temporal_visibility -c 'CREATE EXTENSION IF NOT EXISTS btree_gin'
}

sagashop_create_databases
