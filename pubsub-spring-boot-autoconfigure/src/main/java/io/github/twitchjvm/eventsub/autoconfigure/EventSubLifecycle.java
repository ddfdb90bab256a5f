package io.github.twitchjvm.eventsub.autoconfigure;

import io.github.twitchjvm.eventsub.EventSubClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the auto-configured client late, once everything it may deliver to is ready, and
 * stops it early, before the beans its handlers use are destroyed. Stopping lets queued
 * notifications reach their handlers for up to
 * {@code twitch.eventsub.dispatch.drain-timeout}; it runs on a thread of its own, so
 * Spring's {@code spring.lifecycle.timeout-per-shutdown-phase} bounds how long the
 * shutdown waits for it.
 */
public final class EventSubLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EventSubLifecycle.class);

	/**
	 * After other components (including web servers), like spring-kafka's listener
	 * containers.
	 */
	public static final int PHASE = io.github.twitchjvm.pubsub.autoconfigure.PubSubLifecycle.PHASE;

	private final EventSubClient client;

	private final boolean autoStartup;

	EventSubLifecycle(EventSubClient client, boolean autoStartup) {
		this.client = client;
		this.autoStartup = autoStartup;
	}

	@Override
	public void start() {
		synchronized (this.client) {
			if (!this.client.isRunning()) {
				this.client.start();
			}
		}
	}

	@Override
	public void stop() {
		synchronized (this.client) {
			if (this.client.isRunning()) {
				this.client.stop();
			}
		}
	}

	@Override
	public void stop(Runnable callback) {
		Thread stopping = new Thread(() -> {
			try {
				stop();
			}
			catch (RuntimeException ex) {
				logger.warn("Stopping the Twitch EventSub client failed", ex);
			}
			finally {
				callback.run();
			}
		}, "eventsub-shutdown");
		stopping.setDaemon(true);
		stopping.start();
	}

	@Override
	public boolean isRunning() {
		return this.client.isRunning();
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
