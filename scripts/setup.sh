#!/usr/bin/env bash
# Installs what nestj needs on a fresh Debian bookworm machine (Java 17, Maven, Debian's Python
# packages incl. JPype) and builds the engine jars. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
for mod in jpype:python3-jpype numpy:python3-numpy scipy:python3-scipy matplotlib:python3-matplotlib \
           pytest:python3-pytest setuptools:python3-setuptools wheel:python3-wheel h5py:python3-h5py IPython:python3-ipython requests:python3-requests; do
  /usr/bin/python3 -c "import ${mod%%:*}" >/dev/null 2>&1 || need+=("${mod#*:}")
done
/usr/bin/python3 -c "import ensurepip" >/dev/null 2>&1 || need+=(python3-venv)
[ -f /usr/share/java/org.jpype.jar ] || need+=(python3-jpype)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "nestj setup: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "nestj setup: building the engine (mvn package)"
mvn -q -B -DskipTests package
