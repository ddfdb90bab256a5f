package io.github.twitchjvm.pubsub.test;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Runs the fake server on its own, for clients in any language:
 *
 * <pre>
 * java -jar pubsub-test-standalone.jar [--port 8080] [--control-port 8081] [--tokens tokens.json]
 *                                      [--host 127.0.0.1] [--allow-undocumented-topics]
 * </pre>
 *
 * Without {@code --tokens} it registers demo users with fixed tokens carrying every scope
 * and prints them. It stops on Ctrl-C.
 */
public final class FakeTwitchServerMain {

	private FakeTwitchServerMain() {
	}

	/**
	 * Starts the server and waits until the JVM is asked to stop.
	 * @param args the command line
	 * @throws IOException if the token file cannot be read
	 * @throws InterruptedException if interrupted while running
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		FakeTwitchServer server;
		try {
			server = run(args, System.out);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			usage(System.err);
			System.exit(2);
			return;
		}
		if (server == null) {
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "fake-twitch-shutdown"));
		stopped.await();
	}

	/**
	 * Starts a server as the command line says and prints where it listens.
	 * @param args the command line
	 * @param out where to print the banner
	 * @return the running server, or {@code null} when only help was asked for
	 * @throws IOException if the token file cannot be read
	 * @throws IllegalArgumentException for a bad command line or token file
	 */
	static @Nullable FakeTwitchServer run(String[] args, PrintStream out) throws IOException {
		FakeServerSettings.Builder settings = FakeServerSettings.builder().port(8080).controlPort(8081);
		Path tokens = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--port" -> settings.port(number(args, ++i, "--port"));
				case "--control-port" -> settings.controlPort(number(args, ++i, "--control-port"));
				case "--host" -> settings.host(value(args, ++i, "--host"));
				case "--tokens" -> tokens = Path.of(value(args, ++i, "--tokens"));
				case "--allow-undocumented-topics" -> settings.allowUndocumentedTopics(true);
				case "--help", "-h" -> {
					usage(out);
					return null;
				}
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		FakeTwitchServer server = FakeTwitchServer.start(settings.build());
		try {
			List<IssuedToken> issued = (tokens != null) ? TokenFile.load(tokens, server.accounts())
					: DemoAccounts.register(server.accounts());
			printBanner(out, server, issued, tokens == null);
			return server;
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	private static void printBanner(PrintStream out, FakeTwitchServer server, List<IssuedToken> issued, boolean demo) {
		out.println("Fake Twitch PubSub server");
		out.println("  PubSub WebSocket  " + server.pubSubUri());
		out.println("  OAuth endpoints   " + server.oauthUri() + "/{token,validate,revoke}");
		out.println("  Control API       " + ((server.settings().controlPort() < 0) ? "none" : server.controlUri()));
		out.println("  OAuth client      " + TwitchAccounts.DEFAULT_CLIENT_ID + " / "
				+ TwitchAccounts.DEFAULT_CLIENT_SECRET);
		out.println((demo ? "Demo users (fake tokens, every scope):" : "Users from the token file:"));
		for (IssuedToken token : issued) {
			// These tokens exist only in this fake server; printing them is what makes it
			// usable from a shell.
			out.printf("  %-10s %-18s access %s  refresh %s%n", token.userId(), token.login(),
					demo ? token.accessToken() : IssuedToken.mask(token.accessToken()),
					demo ? token.refreshToken() : IssuedToken.mask(token.refreshToken()));
		}
		out.println("Stop with Ctrl-C.");
		out.flush();
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	private static int number(String[] args, int index, String option) {
		try {
			return Integer.parseInt(value(args, index, option));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a number, got " + args[index]);
		}
	}

	private static void usage(PrintStream out) {
		out.println("Usage: java -jar pubsub-test-standalone.jar [--port 8080] [--control-port 8081] "
				+ "[--tokens FILE] [--host 127.0.0.1] [--allow-undocumented-topics]");
	}

}
