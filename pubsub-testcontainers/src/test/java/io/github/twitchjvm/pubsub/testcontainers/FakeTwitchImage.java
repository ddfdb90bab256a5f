package io.github.twitchjvm.pubsub.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The fake server's image, built from the project's Dockerfile and the runnable jar of
 * this build, on the base image CI prepared ({@code FAKE_TWITCH_BASE_IMAGE}, a Debian
 * with a JRE, built without pulling) or, on a developer's machine, a public JRE image.
 */
final class FakeTwitchImage {

	static final String BASE_IMAGE = System.getenv().getOrDefault("FAKE_TWITCH_BASE_IMAGE", "eclipse-temurin:17-jre");

	/**
	 * {@code host} where the engine has no bridge network (CI's, see .ci/docker.sh);
	 * otherwise the ports are mapped, as for most users.
	 */
	static final String NETWORK_MODE = System.getenv().getOrDefault("FAKE_TWITCH_NETWORK_MODE", "");

	private FakeTwitchImage() {
	}

	/**
	 * @return a container of this build's image, in the network mode of this machine
	 */
	static FakeTwitchContainer container() {
		FakeTwitchContainer container = new FakeTwitchContainer(ofThisBuild());
		return NETWORK_MODE.isEmpty() ? container : container.withNetworkMode(NETWORK_MODE);
	}

	/**
	 * @return the image, built when the first container starts
	 */
	static ImageFromDockerfile ofThisBuild() {
		Path dockerfile = Path.of(System.getProperty("fake-twitch.dockerfile", "src/main/docker/Dockerfile"));
		Path jar = Path.of(System.getProperty("fake-twitch.jar", "../pubsub-test/target/pubsub-test-standalone.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					jar + " is missing: build the fake server first (./mvnw -pl pubsub-test -am package -DskipTests)");
		}
		// Not deleted on exit: the next test class, and the next run, reuse its layers.
		return new ImageFromDockerfile("twitchjvm/fake-twitch:test", false).withFileFromPath("Dockerfile", dockerfile)
			.withFileFromPath("pubsub-test-standalone.jar", jar)
			.withBuildArg("BASE_IMAGE", BASE_IMAGE);
	}

}
