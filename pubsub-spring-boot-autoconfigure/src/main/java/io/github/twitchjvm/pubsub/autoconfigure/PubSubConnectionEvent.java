package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.ConnectionStatus;
import io.github.twitchjvm.pubsub.PubSubClient;

/**
 * A socket of the client changed state: it connected, closed, is reconnecting or handing
 * over after a RECONNECT.
 */
public final class PubSubConnectionEvent extends PubSubEvent {

	private final ConnectionStatus status;

	PubSubConnectionEvent(PubSubClient client, ConnectionStatus status) {
		super(client);
		this.status = status;
	}

	/**
	 * The socket after the change.
	 * @return its status
	 */
	public ConnectionStatus getStatus() {
		return this.status;
	}

	@Override
	public String toString() {
		return "PubSubConnectionEvent[" + this.status + "]";
	}

}
