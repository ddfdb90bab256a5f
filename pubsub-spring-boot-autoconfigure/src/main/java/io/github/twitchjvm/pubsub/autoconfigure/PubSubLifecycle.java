package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.PubSubClient;

/**
 * Starts the auto-configured PubSub client late and stops it early (see
 * {@link TwitchClientLifecycle}); stopping lets queued messages reach their handlers for
 * up to {@code twitch.pubsub.dispatch.drain-timeout}.
 */
public final class PubSubLifecycle extends TwitchClientLifecycle {

	private final PubSubClient client;

	PubSubLifecycle(PubSubClient client, boolean autoStartup) {
		super("PubSub", autoStartup);
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
