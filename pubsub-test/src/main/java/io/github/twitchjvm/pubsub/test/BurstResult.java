package io.github.twitchjvm.pubsub.test;

import java.time.Duration;

/**
 * What a {@link FakeTwitchServer#burst burst} did, timed on the server: from the first
 * message handed to the socket to the last one written to it.
 *
 * @param topic the topic
 * @param messagesPerConnection messages sent to each listening connection
 * @param connections the connections that listened
 * @param bytes payload bytes written in all
 * @param elapsed time from the first write to the last completed write, over all
 * connections
 */
public record BurstResult(String topic, int messagesPerConnection, int connections, long bytes, Duration elapsed) {

	/**
	 * The rate the server wrote at.
	 * @return messages per second over all connections, or 0 when nothing was sent
	 */
	public double messagesPerSecond() {
		long nanos = this.elapsed.toNanos();
		return (nanos == 0) ? 0 : (double) this.messagesPerConnection * this.connections * 1_000_000_000L / nanos;
	}

}
