package io.github.twitchjvm.pubsub.testcontainers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container tests skip themselves without Docker, which is right on a developer's
 * machine and wrong in CI: there, where {@code .ci/run} started an engine, an engine that
 * Testcontainers cannot use fails the build instead of skipping them.
 */
@EnabledIfEnvironmentVariable(named = "FAKE_TWITCH_REQUIRE_DOCKER", matches = "1",
		disabledReason = "only where CI requires Docker (FAKE_TWITCH_REQUIRE_DOCKER=1)")
class DockerAvailabilityTests {

	@Test
	void testcontainersCanUseTheDockerEngineCiStarted() {
		assertThat(DockerClientFactory.instance().isDockerAvailable())
			.as("Docker must be available to Testcontainers when FAKE_TWITCH_REQUIRE_DOCKER=1; see .ci/docker.sh")
			.isTrue();
	}

}
