package io.github.twitchjvm.pubsub.sample;

import java.net.URI;

/**
 * Tells the {@link DemoStory} to the bot in one protocol, through the fake Twitch server,
 * and plays that protocol's faults. Called on the demo's publishing thread only.
 */
interface DemoPublisher {

	/**
	 * Where the bot connects.
	 * @return the fake server's URI of the protocol
	 */
	URI uri();

	/**
	 * Publishes one beat of the story.
	 * @param beat what happens
	 */
	void publish(DemoStory.Beat beat);

	/**
	 * Asks every connection to move to a new one, as Twitch does before maintenance.
	 * @return what the server did, for the log
	 */
	String reconnect();

	/**
	 * Drops every connection without a close frame, as a network failure does.
	 * @return what the server did, for the log
	 */
	String drop();

}
