package io.github.twitchjvm.pubsub.testcontainers;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses a standalone fake server printed when it started. On the host's network
 * the server takes free ports of its own choosing, so its banner is the only place that
 * says which.
 *
 * @param pubSub the PubSub WebSocket's address, whose port also serves EventSub, Helix
 * and OAuth
 * @param control the control API's address
 */
record ServerBanner(URI pubSub, URI control) {

	private static final Pattern PUBSUB = Pattern.compile("^\\s*PubSub WebSocket\\s+(ws://\\S+)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern CONTROL = Pattern.compile("^\\s*Control API\\s+(http://\\S+)\\s*$", Pattern.MULTILINE);

	/**
	 * Reads the banner out of the server's output.
	 * @param output what the server printed
	 * @return the addresses
	 * @throws IllegalStateException if the output has no complete banner
	 */
	static ServerBanner parse(String output) {
		return new ServerBanner(find(PUBSUB, output, "PubSub WebSocket"), find(CONTROL, output, "Control API"));
	}

	private static URI find(Pattern pattern, String output, String line) {
		Matcher matcher = pattern.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("The fake server printed no '" + line + "' line; its output was:\n"
					+ output.lines().limit(20).reduce("", (all, next) -> all + "  " + next + "\n"));
		}
		return URI.create(matcher.group(1));
	}

}
