#!/usr/bin/env bash
# Make sure PostgreSQL and Redis answer on their standard local addresses; start them if they are
# installed but stopped; stop with a clear message if they are missing.
set -euo pipefail

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null && ls /etc/postgresql/ >/dev/null 2>&1; then
    echo "Starting PostgreSQL..."
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  fi
  pg_up || { echo "PostgreSQL is not running on 127.0.0.1:5432 and could not be started."
             echo "Install it (apt-get install postgresql) or set DATABASE_URL."; exit 1; }
fi

if ! redis_up; then
  if command -v redis-server >/dev/null; then
    echo "Starting Redis..."
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
      --dir /tmp --logfile /tmp/peel-redis.log
    for _ in $(seq 1 20); do redis_up && break; sleep 0.5; done
  fi
  redis_up || { echo "Redis is not running on 127.0.0.1:6379 and could not be started."
                echo "Install it (apt-get install redis-server)."; exit 1; }
fi
# The development database for full-stack runs and `makemigrations --check`.
if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'peel'" \
    | grep -q 1; then
  createdb -h 127.0.0.1 -U postgres peel || true
fi
echo "PostgreSQL and Redis are up."
