# Docker for the Testcontainers tests (pubsub-testcontainers), sourced by .ci/run.
#
# A CI machine of this project has no Docker engine and cannot pull images. When no engine answers, this installs
# Debian's docker.io and starts dockerd as root with no bridge network and a proxy that refuses every connection,
# so that an accidental pull fails at once instead of hanging. The tests' containers use host networking and talk
# to 127.0.0.1 only. The base image of the fake server's image is built without pulling: a minimal Debian made by
# debootstrap (cached between runs where the machine keeps /var/cache) plus a Java runtime linked by jlink from the
# build's JDK 17.
#
# docker_start: makes an engine answer (or says why it cannot and returns 1)
# docker_base_image JDK_HOME: builds the base image if missing, exports FAKE_TWITCH_BASE_IMAGE and
#   FAKE_TWITCH_NETWORK_MODE=host
# docker_stop: stops the dockerd that docker_start started, by its PID (an engine that was running is left alone)

CI_DOCKER_PID_FILE=/tmp/twitchjvm-ci-dockerd.pid
CI_DOCKER_LOG=/tmp/twitchjvm-ci-dockerd.log
CI_DOCKER_CACHE=/var/cache/twitchjvm-ci
CI_DOCKER_MINBASE=twitchjvm-ci/bookworm-minbase:latest
CI_DOCKER_BASE_REPOSITORY=twitchjvm-ci/jre
# What the fake server's jar needs (jdeps --print-module-deps), and the ones a JRE is expected to have.
CI_DOCKER_JRE_MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,jdk.crypto.ec,jdk.jfr,jdk.unsupported,jdk.zipfs
# The engine's legacy builder: a Dockerfile without RUN needs nothing more, and BuildKit is not installed.
export DOCKER_BUILDKIT=0

docker_start() {
	if docker info >/dev/null 2>&1; then
		echo "=== Docker: an engine is already running"
		return 0
	fi
	if ! command -v dockerd >/dev/null 2>&1; then
		echo "=== Docker: installing docker.io from Debian's packages"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
	fi
	# A pid file left by a run that was killed would stop dockerd from starting.
	if [ -s "$CI_DOCKER_PID_FILE" ] && ! kill -0 "$(cat "$CI_DOCKER_PID_FILE")" 2>/dev/null; then
		rm -f "$CI_DOCKER_PID_FILE"
	fi
	echo "=== Docker: starting dockerd (no bridge, no iptables, pulls refused)"
	HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY= \
		dockerd --bridge=none --iptables=false --ip-forward=false --pidfile "$CI_DOCKER_PID_FILE" \
		>"$CI_DOCKER_LOG" 2>&1 &
	# Only the dockerd started here is stopped at the end.
	CI_DOCKERD_PID=$!
	local waited=0
	until docker info >/dev/null 2>&1; do
		if ! kill -0 "$CI_DOCKERD_PID" 2>/dev/null || [ "$waited" -ge 60 ]; then
			echo "=== Docker: dockerd did not start; its log:"
			tail -20 "$CI_DOCKER_LOG" || true
			return 1
		fi
		sleep 1
		waited=$((waited + 1))
	done
}

docker_base_image() {
	local jdk="$1"
	# Tagged with the runtime's version, so that a new JDK makes a new base image.
	local version
	version="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p' |
		tr -c 'A-Za-z0-9_.\n-' '_')"
	local base="$CI_DOCKER_BASE_REPOSITORY:${version:-unknown}"
	if ! docker image inspect "$CI_DOCKER_MINBASE" >/dev/null 2>&1; then
		local tarball="$CI_DOCKER_CACHE/bookworm-minbase.tar"
		if [ ! -s "$tarball" ]; then
			if ! command -v debootstrap >/dev/null 2>&1; then
				echo "=== Docker: installing debootstrap from Debian's packages"
				apt-get update -qq
				DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
			fi
			echo "=== Docker: debootstrap --variant=minbase bookworm (about a minute)"
			local root
			root="$(mktemp -d)"
			debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
			rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
			mkdir -p "$CI_DOCKER_CACHE"
			tar -C "$root" -cf "$tarball.partial" .
			mv "$tarball.partial" "$tarball"
			rm -rf "$root"
		fi
		docker import "$tarball" "$CI_DOCKER_MINBASE" >/dev/null
	fi
	if ! docker image inspect "$base" >/dev/null 2>&1; then
		echo "=== Docker: building $base (jlink of $jdk)"
		local context
		context="$(mktemp -d)"
		"$jdk/bin/jlink" --add-modules "$CI_DOCKER_JRE_MODULES" --strip-debug --no-man-pages --no-header-files \
			--output "$context/jre"
		cat >"$context/Dockerfile" <<DOCKERFILE
FROM $CI_DOCKER_MINBASE
COPY jre /opt/java
ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
DOCKERFILE
		docker build --network=none -q -t "$base" "$context" >/dev/null
		rm -rf "$context"
	fi
	export FAKE_TWITCH_BASE_IMAGE="$base"
	# This engine has no bridge network: the tests' containers share the host's.
	export FAKE_TWITCH_NETWORK_MODE=host
	echo "=== Docker: base image $FAKE_TWITCH_BASE_IMAGE, host networking"
}

docker_stop() {
	if [ -n "${CI_DOCKERD_PID:-}" ]; then
		kill "$CI_DOCKERD_PID" 2>/dev/null || true
		local waited=0
		while kill -0 "$CI_DOCKERD_PID" 2>/dev/null; do
			if [ "$waited" -ge 30 ]; then
				kill -9 "$CI_DOCKERD_PID" 2>/dev/null || true
				break
			fi
			sleep 1
			waited=$((waited + 1))
		done
		CI_DOCKERD_PID=
	fi
}
