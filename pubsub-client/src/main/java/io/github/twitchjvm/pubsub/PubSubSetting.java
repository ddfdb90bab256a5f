package io.github.twitchjvm.pubsub;

/**
 * A setting of {@link PubSubClientBuilder}, as {@link InvalidSettingException} names it:
 * so that an integration that binds the settings from elsewhere (Spring Boot's
 * {@code twitch.pubsub.*} properties) reports a mistake under its own name while the
 * rules live in one place, here.
 */
public enum PubSubSetting {

	/** {@link PubSubClientBuilder#uri}. */
	URI("uri"),

	/** {@link PubSubClientBuilder#allowInsecure}. */
	ALLOW_INSECURE("allowInsecure"),

	/** {@link PubSubClientBuilder#pingFrequency}. */
	PING_FREQUENCY("pingFrequency"),

	/** {@link PubSubClientBuilder#pingJitter}. */
	PING_JITTER("pingJitter"),

	/** {@link PubSubClientBuilder#pongTimeout}. */
	PONG_TIMEOUT("pongTimeout"),

	/** {@link PubSubClientBuilder#listenConfirmTimeout}. */
	LISTEN_CONFIRM_TIMEOUT("listenConfirmTimeout"),

	/** {@link PubSubClientBuilder#connectTimeout}. */
	CONNECT_TIMEOUT("connectTimeout"),

	/** {@link PubSubClientBuilder#topicsPerConnection}. */
	TOPICS_PER_CONNECTION("topicsPerConnection"),

	/** {@link PubSubClientBuilder#maxConnections}. */
	MAX_CONNECTIONS("maxConnections"),

	/** The first argument of {@link PubSubClientBuilder#reconnectBackoff}. */
	RECONNECT_INITIAL_DELAY("reconnectInitialDelay"),

	/** The second argument of {@link PubSubClientBuilder#reconnectBackoff}. */
	RECONNECT_MAX_DELAY("reconnectMaxDelay"),

	/** {@link PubSubClientBuilder#stablePeriod}. */
	STABLE_PERIOD("stablePeriod"),

	/** {@link PubSubClientBuilder#listensPerSecond}. */
	LISTENS_PER_SECOND("listensPerSecond"),

	/** {@link PubSubClientBuilder#maxQueuedBytes}. */
	MAX_QUEUED_BYTES("maxQueuedBytes"),

	/** {@link PubSubClientBuilder#maxQueuedBytesPerSubscription}. */
	MAX_QUEUED_BYTES_PER_SUBSCRIPTION("maxQueuedBytesPerSubscription"),

	/** {@link PubSubClientBuilder#maxMessageSize}. */
	MAX_MESSAGE_SIZE("maxMessageSize"),

	/** {@link PubSubClientBuilder#serverErrorRetries}. */
	SERVER_ERROR_RETRIES("serverErrorRetries"),

	/** {@link PubSubClientBuilder#handoverSettle}. */
	HANDOVER_SETTLE("handoverSettle"),

	/** {@link PubSubClientBuilder#dispatchDrainTimeout}. */
	DISPATCH_DRAIN_TIMEOUT("dispatchDrainTimeout");

	private final String builderName;

	PubSubSetting(String builderName) {
		this.builderName = builderName;
	}

	/**
	 * @return the builder method's name, such as {@code pingFrequency}
	 */
	public String builderName() {
		return this.builderName;
	}

}
