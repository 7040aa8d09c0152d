#!/bin/sh
# Registers the namespace the gateway and the worker use, and the custom search attributes the order saga keeps
# current; run by the temporalio/admin-tools image once the server is up. Safe to run again: an existing
# namespace is kept, and registering an attribute again with the same type succeeds.
set -eu

address=${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS is not set}
namespace=${TEMPORAL_NAMESPACE:-default}
max_attempts=60
sleep_seconds=2

# retry DESCRIPTION COMMAND...: the server's services join one another for a while after its port opens.
retry() {
  description=$1
  shift
  attempt=1
  until "$@"; do
    if [ "$attempt" -ge "$max_attempts" ]; then
      echo "create-namespace: gave up: $description (after $max_attempts attempts)" >&2
      return 1
    fi
    echo "create-namespace: not yet: $description (attempt $attempt of $max_attempts)"
    attempt=$((attempt + 1))
    sleep "$sleep_seconds"
  done
}

ensure_namespace() {
  temporal operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1 \
    || temporal operator namespace create --address "$address" --namespace "$namespace"
}

# CustomerId and OrderStatus filter the order list in the Temporal UI; OrderTotalCents sorts and filters by amount.
ensure_search_attributes() {
  temporal operator search-attribute create --address "$address" --namespace "$namespace" \
    --name CustomerId --type Keyword \
    --name OrderStatus --type Keyword \
    --name OrderTotalCents --type Int
}

# Done only when a list query that uses the attributes is accepted: the namespace and the attributes have then
# reached the server's caches, and the first order can be started at once.
attributes_usable() {
  temporal workflow list --address "$address" --namespace "$namespace" --limit 1 \
    --query 'CustomerId = "-" AND OrderStatus = "-" AND OrderTotalCents > 0' >/dev/null
}

retry "cluster health at $address" temporal operator cluster health --address "$address"
retry "namespace $namespace" ensure_namespace
retry "search attributes in $namespace" ensure_search_attributes
retry "queries on the search attributes in $namespace" attributes_usable
echo "create-namespace: namespace $namespace with search attributes CustomerId, OrderStatus, OrderTotalCents is ready"
