package io.github.twitchjvm.pubsub.sample;

import java.net.URI;
import java.util.function.Consumer;

import io.github.twitchjvm.bridge.EventSubRide;
import io.github.twitchjvm.bridge.TopicRoute;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSession;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;

/**
 * The story over EventSub ({@code twitch.pubsub.transport=eventsub}): each beat is a
 * notification of one of the EventSub types the bot's topic of the family rides on,
 * published with the condition the starter subscribed with (the topic's
 * {@link TopicRoute}); the faults are {@code session_reconnect} and dropped TCP
 * connections.
 */
final class EventSubDemoPublisher implements DemoPublisher {

	private final FakeTwitchServer server;

	private final String channel;

	private final EventSubDemoEvents events;

	EventSubDemoPublisher(FakeTwitchServer server, String channel, String channelLogin) {
		this.server = server;
		this.channel = channel;
		this.events = new EventSubDemoEvents(channel, channelLogin);
	}

	@Override
	public URI uri() {
		return this.server.eventSubUri();
	}

	@Override
	public void publish(DemoStory.Beat beat) {
		EventSubDemoEvents.Notification notification = this.events.of(beat);
		TopicType family = beat.family();
		Topic topic = Topic.of(family,
				(family.idCount() == 1) ? new String[] { this.channel } : new String[] { this.channel, this.channel });
		EventSubRide ride = TopicRoute.of(topic)
			.rides()
			.stream()
			.filter((candidate) -> candidate.type().equals(notification.type()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(topic + " does not ride on " + notification.type()));
		this.server.eventSub().publish(ride.type(), ride.condition(), notification.eventJson());
	}

	@Override
	public String reconnect() {
		return "the server sends session_reconnect to " + eachSession(this.server.eventSub()::reconnect)
				+ " session(s)";
	}

	@Override
	public String drop() {
		return "the server drops the TCP connection of " + eachSession(this.server.eventSub()::dropTcp) + " session(s)";
	}

	/** A session may end between the listing and the fault: it is not counted. */
	private int eachSession(Consumer<String> fault) {
		int count = 0;
		for (EventSubSession session : this.server.eventSub().sessions()) {
			if (session.isConnected()) {
				try {
					fault.accept(session.id());
					count++;
				}
				catch (IllegalArgumentException ex) {
					// Gone meanwhile.
				}
			}
		}
		return count;
	}

}
