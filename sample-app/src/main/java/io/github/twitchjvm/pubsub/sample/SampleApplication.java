package io.github.twitchjvm.pubsub.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The channel bot. Against Twitch it needs {@code TWITCH_ACCESS_TOKEN} and
 * {@code TWITCH_USER_ID}; its demo ({@code DemoApplication} in the tests) runs it against
 * the fake Twitch server instead. With {@code --twitch.pubsub.transport=eventsub} its
 * {@code @TwitchTopic} handlers, unchanged, ride on EventSub (against Twitch, with
 * {@code --twitch.eventsub.client-id} too, the application's client id).
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
