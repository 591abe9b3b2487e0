#!/usr/bin/env bash
# Scale-out cluster on this machine, all on 127.0.0.1: a private PostgreSQL (tracker store), Redis
# (lock store), N Rasa replicas, M action servers, nginx load-balancing both without sticky sessions.
#   scripts/cluster.sh start [--replicas N] [--action-servers M] [--port 5080]
#   scripts/cluster.sh status
#   scripts/cluster.sh stop
# State, logs, generated config and generated passwords live in var/cluster/ (NPO_CLUSTER_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
if [ ! -x "$PY" ]; then
  echo "error: $PY not found; run 'make install' first" >&2
  exit 1
fi
case "${1:-}" in
  start|stop|status) ;;
  *) echo "usage: $0 start|stop|status [options]" >&2; exit 2 ;;
esac
export TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1 RASA_TELEMETRY_ENABLED=false
exec "$PY" -m bot.ops.cluster "$@"
