package io.github.twitchjvm.pubsub;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import io.github.twitchjvm.core.transport.EndpointPolicy;

/**
 * The one set of rules for the client's settings: what Twitch allows, and ranges outside
 * which a value can only be a mistake (a timer that would overflow, a queue larger than a
 * heap). Every rule says what would work; an integration that binds settings under other
 * names gets the reason in its own names through
 * {@link InvalidSettingException#reason(Function)}.
 */
final class SettingRules {

	/**
	 * Twitch answers at most one PING per 10 s; a little margin makes it safe with any
	 * jitter.
	 */
	static final Duration MIN_PING_FREQUENCY = Duration.ofSeconds(12);

	/** Twitch closes a socket that has not sent a PING for 5 minutes. */
	static final Duration MAX_PING_FREQUENCY = Duration.ofMinutes(5);

	/** Less would drop messages in any burst. */
	static final long MIN_QUEUED_BYTES = 1024 * 1024;

	private SettingRules() {
	}

	static void check(Duration pingFrequency, Duration pingJitter, Duration pongTimeout, Duration listenConfirmTimeout,
			Duration connectTimeout, int topicsPerConnection, int maxConnections, Duration reconnectInitialDelay,
			Duration reconnectMaxDelay, Duration stablePeriod, int listensPerSecond, long maxQueuedBytes,
			long maxQueuedBytesPerSubscription, int maxMessageSize, int serverErrorRetries, Duration handoverSettle,
			Duration dispatchDrainTimeout) {
		within(PubSubSetting.PING_JITTER, pingJitter, Duration.ZERO, Duration.ofMinutes(1), true);
		Duration lowest = MIN_PING_FREQUENCY.plus(pingJitter);
		if (pingFrequency.compareTo(lowest) <= 0) {
			throw new InvalidSettingException(PubSubSetting.PING_FREQUENCY, pingFrequency,
					(names) -> "It must be more than 12s plus " + names.apply(PubSubSetting.PING_JITTER) + " ("
							+ pingJitter.toSeconds() + "s): Twitch allows a PING every 10 s at most. Use at least "
							+ (lowest.toSeconds() + 1) + "s, or keep the default 2m.");
		}
		Duration highest = MAX_PING_FREQUENCY.minus(pingJitter);
		if (pingFrequency.compareTo(highest) >= 0) {
			throw new InvalidSettingException(PubSubSetting.PING_FREQUENCY, pingFrequency,
					(names) -> "It must be less than 5m minus " + names.apply(PubSubSetting.PING_JITTER) + " ("
							+ pingJitter.toSeconds() + "s): Twitch closes a socket that has not pinged for 5 minutes.");
		}
		within(PubSubSetting.PONG_TIMEOUT, pongTimeout, Duration.ZERO, Duration.ofMinutes(5), false);
		within(PubSubSetting.LISTEN_CONFIRM_TIMEOUT, listenConfirmTimeout, Duration.ZERO, Duration.ofMinutes(10),
				false);
		within(PubSubSetting.CONNECT_TIMEOUT, connectTimeout, Duration.ZERO, Duration.ofMinutes(5), false);
		if (topicsPerConnection < 1 || topicsPerConnection > 50) {
			throw new InvalidSettingException(PubSubSetting.TOPICS_PER_CONNECTION, topicsPerConnection,
					(names) -> "It must be between 1 and 50: Twitch refuses a 51st topic on one socket.");
		}
		within(PubSubSetting.MAX_CONNECTIONS, maxConnections, 1, 1000,
				" (Twitch recommends no more than 10 sockets per IP address)");
		within(PubSubSetting.RECONNECT_INITIAL_DELAY, reconnectInitialDelay, Duration.ZERO, Duration.ofHours(1), false);
		if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
			throw new InvalidSettingException(PubSubSetting.RECONNECT_MAX_DELAY, reconnectMaxDelay,
					(names) -> "It must not be less than " + names.apply(PubSubSetting.RECONNECT_INITIAL_DELAY) + " ("
							+ reconnectInitialDelay + ").");
		}
		within(PubSubSetting.RECONNECT_MAX_DELAY, reconnectMaxDelay, Duration.ZERO, Duration.ofHours(1), false);
		within(PubSubSetting.STABLE_PERIOD, stablePeriod, Duration.ZERO, Duration.ofHours(1), true);
		within(PubSubSetting.LISTENS_PER_SECOND, listensPerSecond, 1, 10_000, "");
		within(PubSubSetting.MAX_MESSAGE_SIZE, maxMessageSize, 8192, 64 * 1024 * 1024,
				" characters: real PubSub messages exceed 8 KB");
		long heap = Runtime.getRuntime().maxMemory();
		long largest = (long) maxMessageSize + Subscription.MESSAGE_OVERHEAD;
		long least = Math.max(MIN_QUEUED_BYTES, largest);
		if (maxQueuedBytes < least || maxQueuedBytes > heap) {
			throw new InvalidSettingException(PubSubSetting.MAX_QUEUED_BYTES, maxQueuedBytes,
					(names) -> "It must be at least 1 MiB and hold the largest message ("
							+ names.apply(PubSubSetting.MAX_MESSAGE_SIZE) + " plus " + Subscription.MESSAGE_OVERHEAD
							+ "): at least " + least + " bytes, and at most the JVM's maximum heap (" + heap
							+ " bytes); by default a quarter of the heap, at most 256 MiB.");
		}
		if (maxQueuedBytesPerSubscription < largest || maxQueuedBytesPerSubscription > maxQueuedBytes) {
			throw new InvalidSettingException(PubSubSetting.MAX_QUEUED_BYTES_PER_SUBSCRIPTION,
					maxQueuedBytesPerSubscription,
					(names) -> "It must hold the largest message (" + names.apply(PubSubSetting.MAX_MESSAGE_SIZE)
							+ " plus " + Subscription.MESSAGE_OVERHEAD + ": " + largest + " bytes) and be at most "
							+ names.apply(PubSubSetting.MAX_QUEUED_BYTES) + " (" + maxQueuedBytes + ").");
		}
		within(PubSubSetting.SERVER_ERROR_RETRIES, serverErrorRetries, 0, 100, "");
		within(PubSubSetting.HANDOVER_SETTLE, handoverSettle, Duration.ZERO, Duration.ofSeconds(30), false);
		within(PubSubSetting.DISPATCH_DRAIN_TIMEOUT, dispatchDrainTimeout, Duration.ZERO, Duration.ofMinutes(10), true);
	}

	/**
	 * Where the client may connect, given that it sends tokens there
	 * ({@link EndpointPolicy}).
	 * @return the verdict, allowed: {@link EndpointPolicy.Verdict#INSECURE_ALLOWED} asks
	 * for a warning
	 */
	static EndpointPolicy.Verdict checkEndpoint(URI uri, boolean allowInsecure) {
		EndpointPolicy.Verdict verdict = EndpointPolicy.judge(uri, allowInsecure);
		if (!verdict.allowed()) {
			throw new InvalidSettingException(PubSubSetting.URI, EndpointPolicy.redacted(uri),
					(names) -> (verdict == EndpointPolicy.Verdict.INSECURE_REFUSED) ? verdict.reason() + " Or set "
							+ names.apply(PubSubSetting.ALLOW_INSECURE) + " to connect in clear all the same."
							: verdict.reason());
		}
		return verdict;
	}

	private static void within(PubSubSetting setting, Duration value, Duration low, Duration high, boolean lowAllowed) {
		boolean tooLow = lowAllowed ? value.compareTo(low) < 0 : value.compareTo(low) <= 0;
		if (tooLow || value.compareTo(high) > 0) {
			String lower = low.isZero() ? (lowAllowed ? "zero or more" : "more than zero") : "at least " + format(low);
			throw new InvalidSettingException(setting, value,
					(names) -> "It must be " + lower + " and at most " + format(high) + ".");
		}
	}

	private static void within(PubSubSetting setting, int value, int low, int high, String why) {
		if (value < low || value > high) {
			throw new InvalidSettingException(setting, value,
					(names) -> "It must be at least " + low + " and at most " + high + why + ".");
		}
	}

	private static String format(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

}
