package io.github.twitchjvm.pubsub.benchmark;

import java.net.URI;

import io.github.twitchjvm.pubsub.test.FakeTwitchServer;

/**
 * Where the throughput suite's bursts come from: the fake server in a JVM of its own
 * (from the benchmark jar, so that the client has the cores' time to itself between the
 * server's writes and its CPU is not mixed with the server's allocations), or in this
 * JVM.
 */
interface BurstServer {

	URI pubSubUri();

	/**
	 * Sends {@code count} MESSAGE frames to every listener of the topic; returns once
	 * written.
	 */
	void burst(String topic, int count, String message) throws Exception;

	/** Says where the server runs, for the report. */
	String where();

	/**
	 * How many connections listen to the topic now: a receiver that just closed may still
	 * be one until the server noticed, and a burst to it would fail.
	 */
	int listeners(String topic) throws Exception;

	static BurstServer inProcess(FakeTwitchServer server) {
		return new BurstServer() {

			@Override
			public URI pubSubUri() {
				return server.pubSubUri();
			}

			@Override
			public void burst(String topic, int count, String message) {
				server.burst(topic, count, message);
			}

			@Override
			public String where() {
				return "in the benchmark's JVM";
			}

			@Override
			public int listeners(String topic) {
				return (int) server.connections()
					.stream()
					.filter((connection) -> connection.topics().contains(topic))
					.count();
			}

		};
	}

}
