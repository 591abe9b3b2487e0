#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or fail with a clear message.
# Rasa 3.6 needs Python 3.8-3.10; on 3.11 pip silently resolves to rasa 1.10.
set -u
candidates=()
[ -n "${NPO_PYTHON:-}" ] && candidates+=("$NPO_PYTHON")
if command -v pyenv >/dev/null 2>&1; then
  root="$(pyenv root 2>/dev/null)"
  for p in "$root"/versions/3.10*/bin/python; do [ -x "$p" ] && candidates+=("$p"); done
fi
for p in "$HOME"/.pyenv/versions/3.10*/bin/python; do [ -x "$p" ] && candidates+=("$p"); done
candidates+=(python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10)
for c in "${candidates[@]}"; do
  if out="$(PYENV_VERSION=3.10.13 "$c" -c 'import sys; print(sys.version_info[:2] == (3, 10))' 2>/dev/null)" && [ "$out" = "True" ]; then
    PYENV_VERSION=3.10.13 "$c" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
echo "error: Python 3.10 not found (Rasa 3.6 needs it). Install it (e.g. 'pyenv install 3.10.13') or set NPO_PYTHON=/path/to/python3.10." >&2
exit 1
