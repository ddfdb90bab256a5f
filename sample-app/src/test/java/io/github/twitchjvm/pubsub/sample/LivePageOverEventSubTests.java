package io.github.twitchjvm.pubsub.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link LivePageTests} over EventSub ({@code twitch.pubsub.transport=eventsub}): the
 * same handlers, the same page, the state read from the EventSub client.
 */
@SpringBootTest(classes = { SampleApplication.class, DemoConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "twitch.pubsub.transport=eventsub", "demo.duration=0s", "demo.events-per-second=50",
				"demo.faults=false" })
@ActiveProfiles("demo")
@DirtiesContext
class LivePageOverEventSubTests extends LivePageTests {

	@Override
	String expectedTransport() {
		return "eventsub";
	}

	/**
	 * The EventSub subscriptions the ten topics ride on, one row per subscription at
	 * Twitch: fourteen types ({@code channel.cheer} once, though the v1 and v2 Bits
	 * topics both ride on it).
	 */
	@Override
	int expectedTopics() {
		return 14;
	}

}
