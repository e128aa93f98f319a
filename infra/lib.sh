# shellcheck shell=bash
# Helpers shared by infra/*.sh. Sourced, never executed.
CT_INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$CT_INFRA_DIR/env.sh"
mkdir -p "$CT_CACHE_DIR" "$CT_STATE_DIR" "$CT_LOG_DIR" "$CT_RUN_DIR" "$CT_BIN_DIR"

say() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

# tcp_open HOST PORT: true if something accepts connections there.
# shellcheck disable=SC2016 # $1/$2 expand in the inner shell
tcp_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null; }

# port_owner PORT: the listening process, as ss shows it (may be empty when not root).
port_owner() { ss -ltnpH "sport = :$1" 2>/dev/null | head -1; }

# pid_of NAME: pid from our pid file if that process is alive and is ours (its command line
# mentions $CT_STATE_DIR, so a pid reused after a reboot does not count).
pid_of() {
  local f="$CT_RUN_DIR/$1.pid" pid
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && grep -qaF "$CT_STATE_DIR" "/proc/$pid/cmdline" 2>/dev/null \
    && echo "$pid"
}

# alive PID: the process exists and has not exited (a zombie counts as exited).
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) } # drop "pid (comm) ": comm may contain spaces
  [[ ${stat%% *} != Z ]]
}

# exec_detached CMD...: exec CMD in a new session with every inherited fd above 2 closed (a CI
# harness may wait for the pipes it handed us to close). The caller redirects 0/1/2. Use in a subshell.
exec_detached() {
  local fd
  for fd in /proc/self/fd/*; do
    fd=${fd##*/}
    if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
  cd / # do not pin the caller's directory (e.g. a CI checkout that gets deleted)
  exec setsid nohup "$@"
}

# daemon NAME CMD...: start CMD fully detached, log to logs/NAME.log (previous one kept as .log.1).
daemon() {
  local name=$1; shift
  local log="$CT_LOG_DIR/$name.log"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  (exec_detached "$@") </dev/null >"$log" 2>&1 &
  echo $! >"$CT_RUN_DIR/$name.pid"
}

# wait_healthy NAME TIMEOUT CHECK...: poll CHECK until it succeeds; fail loudly with the log path.
wait_healthy() {
  local name=$1 timeout=$2; shift 2
  local deadline=$((SECONDS + timeout)) pid=""
  [[ -f $CT_RUN_DIR/$name.pid ]] && pid=$(<"$CT_RUN_DIR/$name.pid")
  until "$@"; do
    # Not pid_of: right after daemon() the child may not have exec'd its command yet, so its
    # command line is still the caller's and would not look like ours.
    if [[ -n $pid ]] && ! alive "$pid"; then
      say "$name: process exited during startup. Last log lines:"; tail -n 20 "$CT_LOG_DIR/$name.log" >&2 || true
      die "$name failed to start; log: $CT_LOG_DIR/$name.log"
    fi
    if ((SECONDS >= deadline)); then
      say "$name: not healthy after ${timeout}s. Last log lines:"; tail -n 20 "$CT_LOG_DIR/$name.log" >&2 || true
      die "$name failed to become healthy within ${timeout}s; log: $CT_LOG_DIR/$name.log"
    fi
    sleep 0.3
  done
}

# stop_pid NAME [GRACE]: SIGTERM, wait up to GRACE seconds, then SIGKILL. Idempotent.
stop_pid() {
  local name=$1 grace=${2:-30} pid
  if ! pid=$(pid_of "$name"); then rm -f "$CT_RUN_DIR/$name.pid"; say "$name: not running"; return 0; fi
  say "$name: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then say "$name: still alive after ${grace}s, sending SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$CT_RUN_DIR/$name.pid"
}

# refuse_foreign_port NAME PORT: fail if PORT is taken by something we did not start.
refuse_foreign_port() {
  tcp_open 127.0.0.1 "$2" || return 0
  die "$1: port $2 is already in use by a process not started by infra/ (${CT_STATE_DIR}): $(port_owner "$2"). Stop it or change the port in infra/env.sh."
}

# mvn_fetch POMDIR OUTDIR [-Dprop=value...]: copy a pom's runtime dependencies into OUTDIR (atomic, once).
mvn_fetch() {
  local pomdir=$1 out=$2; shift 2
  [[ -f $out/.complete ]] && return 0
  command -v mvn >/dev/null || die "mvn not found (install Java 17 and Maven 3.8+: apt-get install -y openjdk-17-jdk-headless maven)"
  say "fetching jars into $out with Maven (first run only) ..."
  local log; log="$CT_LOG_DIR/maven-$(basename "$pomdir").log"
  rm -rf "$out.tmp"
  if ! mvn -B -Dstyle.color=never -f "$pomdir/pom.xml" -Dmaven.repo.local="$CT_MAVEN_REPO" "$@" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out.tmp" >"$log" 2>&1; then
    grep -E 'ERROR' "$log" | head -n 15 >&2 || true
    die "Maven could not fetch the jars of $pomdir/pom.xml; log: $log"
  fi
  touch "$out.tmp/.complete"
  rm -rf "$out" && mv "$out.tmp" "$out"
}

# java_bin: absolute path of the java launcher.
java_bin() { command -v java >/dev/null || die "java not found (apt-get install -y openjdk-17-jdk-headless)"; readlink -f "$(command -v java)"; }
