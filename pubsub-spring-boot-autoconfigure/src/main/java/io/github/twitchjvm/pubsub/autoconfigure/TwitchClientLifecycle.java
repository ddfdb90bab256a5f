package io.github.twitchjvm.pubsub.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Starts an auto-configured client late, once everything it may deliver to is ready, and
 * stops it early, before the beans its handlers use are destroyed. Stopping lets queued
 * messages reach their handlers for up to the client's drain timeout; it runs on a thread
 * of its own, so Spring's {@code spring.lifecycle.timeout-per-shutdown-phase} bounds how
 * long the shutdown waits for it. One subclass per protocol.
 */
public abstract class TwitchClientLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TwitchClientLifecycle.class);

	/**
	 * After other components (including web servers), like spring-kafka's listener
	 * containers.
	 */
	public static final int PHASE = Integer.MAX_VALUE - 100;

	private final String name;

	private final boolean autoStartup;

	/**
	 * Creates the lifecycle.
	 * @param name the client's name, for the stopping thread and the log
	 * @param autoStartup whether the client starts with the context
	 */
	protected TwitchClientLifecycle(String name, boolean autoStartup) {
		this.name = name;
		this.autoStartup = autoStartup;
	}

	/**
	 * The client, which lifecycle calls synchronize on.
	 * @return the client
	 */
	protected abstract Object client();

	/** Starts the client. */
	protected abstract void startClient();

	/** Stops the client. */
	protected abstract void stopClient();

	@Override
	public abstract boolean isRunning();

	@Override
	public void start() {
		synchronized (client()) {
			if (!isRunning()) {
				startClient();
			}
		}
	}

	@Override
	public void stop() {
		synchronized (client()) {
			if (isRunning()) {
				stopClient();
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
				logger.warn("Stopping the Twitch {} client failed", this.name, ex);
			}
			finally {
				callback.run();
			}
		}, this.name.toLowerCase(java.util.Locale.ROOT) + "-shutdown");
		stopping.setDaemon(true);
		stopping.start();
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
