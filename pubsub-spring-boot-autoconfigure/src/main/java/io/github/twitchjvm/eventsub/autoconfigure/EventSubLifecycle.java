package io.github.twitchjvm.eventsub.autoconfigure;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.pubsub.autoconfigure.TwitchClientLifecycle;

/**
 * Starts the auto-configured EventSub client late and stops it early (see
 * {@link TwitchClientLifecycle}), in the same phase as the PubSub client's; stopping lets
 * queued notifications reach their handlers for up to
 * {@code twitch.eventsub.dispatch.drain-timeout}.
 */
public final class EventSubLifecycle extends TwitchClientLifecycle {

	private final EventSubClient client;

	EventSubLifecycle(EventSubClient client, boolean autoStartup) {
		super("EventSub", autoStartup);
		this.client = client;
	}

	@Override
	protected Object client() {
		return this.client;
	}

	@Override
	protected void startClient() {
		this.client.start();
	}

	@Override
	protected void stopClient() {
		this.client.stop();
	}

	@Override
	public boolean isRunning() {
		return this.client.isRunning();
	}

}
