#!/usr/bin/env bash
# Fails unless the shared library exports nirq_api_* and nirq_host_* functions and nothing else.
lib=${1:?path to libnanoirq_native_host.so}
syms=$(nm -D --defined-only "$lib" | awk '{print $NF}' | sort)
bad=$(echo "$syms" | grep -Ev '^(nirq_api_|nirq_host_)' || true)
api=$(echo "$syms" | grep -c '^nirq_api_' || true)
host=$(echo "$syms" | grep -c '^nirq_host_' || true)
echo "exported: $api nirq_api_*, $host nirq_host_*"
if [ -n "$bad" ]; then echo "unexpected exports:"; echo "$bad"; exit 1; fi
[ "$api" -ge 9 ] && [ "$host" -ge 7 ]
