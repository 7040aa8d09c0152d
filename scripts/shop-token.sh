#!/usr/bin/env bash
# Prints an access token for a Saga Shop account, e.g. for curl against the gateway or a service:
#
#   TOKEN=$(scripts/shop-token.sh ada@example.com saga-shop-demo)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/orders
#
# It signs in the way a browser does: the authorization code flow with PKCE (S256) for the public client
# `shop-cli`, whose redirect URI http://127.0.0.1:8976/callback is never opened: the code is read from the
# Location header of that redirect. SAGASHOP_ISSUER_URI is the sign-in server (default http://localhost:9000).
# Needs bash, curl, and openssl or python3.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <email> <password>" >&2
  exit 2
fi
email=$1
password=$2
issuer=${SAGASHOP_ISSUER_URI:-http://localhost:9000}
issuer=${issuer%/}
client_id=shop-cli
redirect_uri=http://127.0.0.1:8976/callback

fail() {
  echo "shop-token: $*" >&2
  exit 1
}

base64url() {
  tr '+/' '-_' | tr -d '=\n'
}

if command -v openssl >/dev/null 2>&1; then
  verifier=$(openssl rand -base64 48 | base64url)
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | openssl base64 -A | base64url)
  state=$(openssl rand -hex 16)
elif command -v python3 >/dev/null 2>&1; then
  read -r verifier challenge state < <(python3 -c '
import base64, hashlib, secrets
verifier = secrets.token_urlsafe(48)
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
print(verifier, challenge, secrets.token_hex(16))')
else
  fail "needs openssl or python3 for the PKCE challenge"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar="$work/cookies"
curl_() {
  curl -sS --max-time 15 -b "$jar" -c "$jar" "$@"
}

authorize="$issuer/oauth2/authorize?response_type=code&client_id=$client_id&scope=openid%20shop"
authorize+="&redirect_uri=http%3A%2F%2F127.0.0.1%3A8976%2Fcallback&code_challenge=$challenge"
authorize+="&code_challenge_method=S256&state=$state"

# 1. Not signed in yet: the authorization endpoint sends a browser (Accept: text/html) to the sign-in page.
status=$(curl_ -L -H 'Accept: text/html' -o "$work/sign-in.html" -w '%{http_code}' "$authorize") ||
  fail "cannot reach the sign-in server at $issuer (set SAGASHOP_ISSUER_URI)"
[ "$status" = 200 ] || fail "the authorization request answered $status, not the sign-in page"
csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$work/sign-in.html" | head -n 1)
[ -n "$csrf" ] || fail "no CSRF token on the sign-in page at $issuer/login"

# 2. Sign in. Success redirects back to the authorization request; a wrong password to /login?error.
curl_ -o "$work/sign-in-answer" -D "$work/sign-in-headers" -H 'Accept: text/html' \
  --data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" \
  "$issuer/login"
status=$(awk 'NR == 1 {print $2}' "$work/sign-in-headers")
location=$(awk 'tolower($1) == "location:" {print $2}' "$work/sign-in-headers" | tr -d '\r')
if [ "$status" = 429 ]; then
  retry=$(awk 'tolower($1) == "retry-after:" {print $2}' "$work/sign-in-headers" | tr -d '\r')
  fail "too many sign-in attempts: try again in ${retry:-a few} seconds"
fi
[ "$status" = 302 ] || fail "signing in answered $status"
case "$location" in
  *"/login?error"*) fail "the email and password do not match an account" ;;
esac

# 3. Back at the authorization endpoint, signed in: it redirects to the callback with the code. The
#    redirect is not followed (nothing listens there); its Location header carries the code.
curl_ -o /dev/null -D "$work/authorize-headers" -H 'Accept: text/html' "$location"
callback=$(awk 'tolower($1) == "location:" {print $2}' "$work/authorize-headers" | tr -d '\r')
case "$callback" in
  "$redirect_uri"\?*) ;;
  *) fail "the authorization endpoint did not redirect to $redirect_uri (Location: ${callback:-none})" ;;
esac
query=${callback#*\?}
code=$(tr '&' '\n' <<<"$query" | sed -n 's/^code=//p')
returned_state=$(tr '&' '\n' <<<"$query" | sed -n 's/^state=//p')
[ -n "$code" ] || fail "no code in the redirect: $(tr '&' '\n' <<<"$query" | sed -n 's/^error_description=//p')"
[ "$returned_state" = "$state" ] || fail "the redirect's state does not match the request's"

# 4. Exchange the code, proving with the verifier that this is the client that asked for it.
curl_ -o "$work/token.json" -w '%{http_code}' "$issuer/oauth2/token" \
  --data-urlencode grant_type=authorization_code --data-urlencode "client_id=$client_id" \
  --data-urlencode "code=$code" --data-urlencode "redirect_uri=$redirect_uri" \
  --data-urlencode "code_verifier=$verifier" >"$work/token-status"
token=$(sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' "$work/token.json")
[ "$(cat "$work/token-status")" = 200 ] && [ -n "$token" ] ||
  fail "the token endpoint refused the code: $(cat "$work/token.json")"
printf '%s\n' "$token"
