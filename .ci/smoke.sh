#!/usr/bin/env bash
# Smoke-tests the compiled binary from a temporary directory with no
# node_modules above it: start, /readyz, CLI tenant + key, one authenticated
# call, SIGTERM exits 0, every line it wrote on stdout is JSON.
set -euo pipefail
binary=$(realpath "$1")
work=$(mktemp -d /tmp/crmd-smoke-XXXXXX)
# A real SMTP server the binary sends one email to (nodemailer inside the binary).
node_modules/.bin/bun .ci/smtp-sink.ts > "$work/smtp.log" & sink=$!
trap 'kill "$sink" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/smtp.log" ] && break; sleep 0.05; done
export CRMD_SMTP_URL="smtp://127.0.0.1:$(head -1 "$work/smtp.log")" CRMD_EMAIL_FROM="smoke@crmd.test"
cp "$binary" "$work/crmd"
cd "$work"
port=$(( 20000 + RANDOM % 20000 ))
export CRMD_DATABASE_URL="file:$work/data/crmd.db" CRMD_DEMO=0 CRMD_LOG_LEVEL=warn CRMD_METRICS_TOKEN=smoke-metrics-token-0123456789abcdef

started=$(date +%s%N)
# Info level: the request log lines too, each of which must be JSON (checked at the end).
CRMD_LOG_LEVEL=info ./crmd serve --port "$port" > serve.log & pid=$!
# A failing step ends the script: the server must not outlive it.
trap 'kill "$sink" "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.05
done
curl -fs "http://127.0.0.1:$port/readyz"
echo " ready after $(( ($(date +%s%N) - started) / 1000000 )) ms"

# CRMD_DEMO=0, the Docker image's setting: a first start makes no demo tenant.
tenants=$(./crmd tenants list)
case "$tenants" in *'"id"'*) echo "CRMD_DEMO=0 still created a tenant: $tenants"; exit 1 ;; esac
tenant=$(./crmd tenants create --name smoke --sms-numbers +14155550100 | grep -o '"id": "[^"]*"' | head -1 | cut -d'"' -f4)
key=$(./crmd keys create --tenant smoke --name ci --scopes 'read,write,keys:manage,email:send,sms:send' | grep -o '"key": "elk_[A-Za-z0-9_-]*' | cut -d'"' -f4)
[ -n "$tenant" ] && [ -n "$key" ] || { echo "CLI did not create tenant/key"; exit 1; }
code=$(curl -s -o response.json -w '%{http_code}' -H "X-API-Key: $key" "http://127.0.0.1:$port/api/external/api-keys")
cat response.json; echo
[ "$code" = 200 ] || { echo "authenticated call answered $code"; exit 1; }
# KPIs run on the embedded database worker (the same script checkpoints): proves the binary carries it.
code=$(curl -s -o kpis.json -w '%{http_code}' -H "X-API-Key: $key" "http://127.0.0.1:$port/api/external/kpis?period=month")
grep -q '"period":"month"' kpis.json && [ "$code" = 200 ] || { echo "KPIs answered $code: $(cat kpis.json)"; exit 1; }
# prom-client runs in the binary: the scrape has the request counter of the calls above.
curl -fs -H "Authorization: Bearer smoke-metrics-token-0123456789abcdef" "http://127.0.0.1:$port/metrics" > metrics.txt
grep -q '^crmd_http_requests_total{method="GET",route="/api/external/kpis",status="200"} 1' metrics.txt \
  || { echo "metrics lack the KPI request: $(head -c 2000 metrics.txt)"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/external/api-keys")
[ "$code" = 401 ] || { echo "unauthenticated call answered $code"; exit 1; }

code=$(curl -s -o email.json -w '%{http_code}' -H "X-API-Key: $key" -H 'content-type: application/json' \
  -d '{"to":["ada@example.com"],"subject":"smoke","text":"hello"}' "http://127.0.0.1:$port/api/external/email/send")
[ "$code" = 202 ] || { echo "email send answered $code: $(cat email.json)"; exit 1; }
email=$(grep -o '"id":"[^"]*"' email.json | head -1 | cut -d'"' -f4)
for _ in $(seq 1 100); do
  curl -s -H "X-API-Key: $key" "http://127.0.0.1:$port/api/external/interactions/$email" | grep -q '"status":"sent"' && break
  sleep 0.1
done
grep -q '"subject":"smoke"' "$work/smtp.log" || { echo "the SMTP server received no email"; exit 1; }
# libphonenumber inside the binary: a number normalised to E.164, a bad one refused.
code=$(curl -s -o sms.json -w '%{http_code}' -H "X-API-Key: $key" -H 'content-type: application/json' \
  -d '{"to":"+1 415 555 0123","from":"+14155550100","body":"smoke"}' "http://127.0.0.1:$port/api/external/sms/send")
grep -q '"to":\["+14155550123"\]' sms.json && [ "$code" = 202 ] || { echo "sms send answered $code: $(cat sms.json)"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $key" -H 'content-type: application/json' \
  -d '{"to":"12345","from":"+14155550100","body":"smoke"}' "http://127.0.0.1:$port/api/external/sms/send")
[ "$code" = 422 ] || { echo "an invalid number answered $code"; exit 1; }
# A received email goes through the MIME parser inside the binary.
code=$(curl -s -o secret.json -w '%{http_code}' -X POST -H "X-API-Key: $key" "http://127.0.0.1:$port/api/external/email/inbound-secret")
[ "$code" = 201 ] || { echo "inbound secret answered $code: $(cat secret.json)"; exit 1; }
secret=$(grep -o '"secret":"[^"]*"' secret.json | cut -d'"' -f4)
printf 'From: Ada <ada@example.com>\r\nSubject: =?UTF-8?Q?R=C3=A9ponse?=\r\nMessage-ID: <smoke@example.com>\r\n\r\nThanks\r\n' > reply.eml
code=$(curl -s -o inbound.json -w '%{http_code}' -u "relay:$secret" -H 'content-type: message/rfc822' --data-binary @reply.eml "http://127.0.0.1:$port/api/external/email/inbound")
grep -q '"subject":"Réponse"' inbound.json && [ "$code" = 201 ] || { echo "inbound email answered $code: $(cat inbound.json)"; exit 1; }

kill -TERM "$pid"
wait "$pid" || { echo "smoke: exit code $? after SIGTERM"; exit 1; }
python3 -c '
import json, sys
lines = [line for line in open(sys.argv[1]) if line.strip()]
for line in lines: json.loads(line)
requests = [l for l in map(json.loads, lines) if l.get("msg") == "request"]
assert requests, "no request log line"
print(f"smoke: {len(lines)} stdout lines, all JSON ({len(requests)} request lines)")
' serve.log || { echo "smoke: stdout is not JSON lines: $(head -c 2000 serve.log)"; exit 1; }
echo "smoke: ok (SIGTERM exit 0)"
