package io.github.twitchjvm.pubsub.sample;

import org.springframework.boot.SpringApplication;

/**
 * The sample application against the fake Twitch server in the same JVM, with a stream of
 * realistic events and, now and then, a server RECONNECT or a dropped connection:
 * {@code ./mvnw -pl sample-app spring-boot:test-run}, then open
 * {@code http://127.0.0.1:8080/}. The story is {@code demo-scenario.yml} (or the file
 * {@code demo.scenario} names). It stops by itself after {@code demo.duration} (3
 * minutes; {@code 0s} runs until stopped). Over EventSub, the same:
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
