package io.github.twitchjvm.pubsub.sample;

import org.springframework.boot.SpringApplication;

/**
 * The sample application against the fake Twitch server in the same JVM, with a stream of
 * realistic events and, now and then, a server RECONNECT or a dropped connection:
 * {@code ./mvnw -pl sample-app spring-boot:test-run}. It stops by itself after
 * {@code demo.duration} (60 s; 0 runs until stopped). Over EventSub, the same:
 * {@code -Dspring-boot.run.arguments=--twitch.pubsub.transport=eventsub}.
 */
public final class DemoApplication {

	private DemoApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main)
			.with(DemoConfiguration.class)
			.withAdditionalProfiles("demo")
			.run(args);
	}

}
