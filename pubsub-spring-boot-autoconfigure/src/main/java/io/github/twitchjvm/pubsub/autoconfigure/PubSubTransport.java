package io.github.twitchjvm.pubsub.autoconfigure;

/**
 * Which protocol carries the {@code @TwitchTopic} listeners
 * ({@code twitch.pubsub.transport}).
 */
public enum PubSubTransport {

	/** A PubSub server: the PubSub client connects to {@code twitch.pubsub.url}. */
	PUBSUB,

	/**
	 * EventSub: each topic rides on the EventSub subscriptions that replaced it, through
	 * the EventSub client of {@code twitch.eventsub.*}; no PubSub client is built.
	 */
	EVENTSUB

}
