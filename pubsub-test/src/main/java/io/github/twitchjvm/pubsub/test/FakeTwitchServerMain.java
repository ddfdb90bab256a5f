package io.github.twitchjvm.pubsub.test;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Runs the fake server on its own, for clients in any language:
 *
 * <pre>
 * java -jar pubsub-test-standalone.jar [--port 17080] [--control-port 17081] [--tokens tokens.json]
 *                                      [--host 127.0.0.1] [--allowed-host NAME]... [--allow-undocumented-topics]
 * </pre>
 *
 * The default ports are far from the usual development ports (8080 is Spring Boot's), so
 * that an application and this server run side by side. Without {@code --tokens} it
 * registers demo users with fixed tokens carrying every scope and prints them. It stops
 * on Ctrl-C. A problem at start is one line on standard error and a non-zero exit status.
 */
public final class FakeTwitchServerMain {

	/** The PubSub WebSocket and OAuth port when {@code --port} is not given. */
	static final int DEFAULT_PORT = 17080;

	/** The control API's port when {@code --control-port} is not given. */
	static final int DEFAULT_CONTROL_PORT = 17081;

	/** The exit status for a command line that cannot be understood. */
	static final int EXIT_USAGE = 2;

	/** The exit status for a server that cannot start: port in use, bad token file. */
	static final int EXIT_CANNOT_START = 1;

	private FakeTwitchServerMain() {
	}

	/**
	 * Starts the server and waits until the JVM is asked to stop.
	 * @param args the command line
	 * @throws InterruptedException if interrupted while running
	 */
	public static void main(String[] args) throws InterruptedException {
		Launch launch = launch(args, System.out, System.err);
		FakeTwitchServer server = launch.server();
		if (server == null) {
			if (launch.exitStatus() != 0) {
				System.exit(launch.exitStatus());
			}
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
	 * Starts a server as the command line says, or explains in one line on {@code err}
	 * why it cannot.
	 * @param args the command line
	 * @param out where to print the banner or the usage
	 * @param err where to print what went wrong
	 * @return the running server, or the exit status
	 */
	static Launch launch(String[] args, PrintStream out, PrintStream err) {
		try {
			return new Launch(run(args, out), 0);
		}
		catch (UnavailablePortException ex) {
			err.println(explain(ex));
			return new Launch(null, EXIT_CANNOT_START);
		}
		catch (CommandLineException ex) {
			err.println(ex.getMessage());
			usage(err);
			return new Launch(null, EXIT_USAGE);
		}
		catch (IllegalArgumentException ex) {
			// A bad token file: TokenFile's messages name the entry and the field only.
			err.println(ex.getMessage());
			return new Launch(null, EXIT_CANNOT_START);
		}
		catch (IOException ex) {
			err.println("Cannot read the token file: " + ex);
			return new Launch(null, EXIT_CANNOT_START);
		}
	}

	private static String explain(UnavailablePortException ex) {
		String option = switch (ex.setting()) {
			case "controlPort" -> "--control-port";
			case "host" -> "--host";
			default -> "--port";
		};
		if (ex.setting().equals("host")) {
			return "Cannot listen on " + ex.address() + ": " + ex.reason() + "; give an address of this machine with "
					+ option;
		}
		if (ex.inUse()) {
			return "Cannot listen on " + ex.address() + ": the port is in use; choose another with " + option;
		}
		return "Cannot listen on " + ex.address() + ": " + ex.reason() + "; choose another port with " + option
				+ " or another address with --host";
	}

	/**
	 * Starts a server as the command line says and prints where it listens.
	 * @param args the command line
	 * @param out where to print the banner
	 * @return the running server, or {@code null} when only help was asked for
	 * @throws IOException if the token file cannot be read
	 * @throws CommandLineException for a bad command line
	 * @throws IllegalArgumentException for a bad token file
	 * @throws UnavailablePortException if a port cannot be bound
	 */
	static @Nullable FakeTwitchServer run(String[] args, PrintStream out) throws IOException {
		FakeServerSettings.Builder settings = FakeServerSettings.builder()
			.port(DEFAULT_PORT)
			.controlPort(DEFAULT_CONTROL_PORT);
		Path tokens = null;
		List<String> allowedHosts = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--port" -> settings.port(number(args, ++i, "--port"));
				case "--control-port" -> settings.controlPort(number(args, ++i, "--control-port"));
				case "--host" -> settings.host(value(args, ++i, "--host"));
				case "--allowed-host" -> allowedHosts.add(value(args, ++i, "--allowed-host"));
				case "--tokens" -> tokens = Path.of(value(args, ++i, "--tokens"));
				case "--allow-undocumented-topics" -> settings.allowUndocumentedTopics(true);
				case "--help", "-h" -> {
					usage(out);
					return null;
				}
				default -> throw new CommandLineException("Unknown option " + args[i]);
			}
		}
		FakeServerSettings built;
		try {
			built = settings.allowedHosts(allowedHosts).build();
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLineException(ex.getMessage());
		}
		FakeTwitchServer server = FakeTwitchServer.start(built);
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
		out.println("Fake Twitch PubSub and EventSub server");
		out.println("  PubSub WebSocket  " + server.pubSubUri());
		out.println("  EventSub          " + server.eventSubUri());
		out.println("  Helix             " + server.helixUri() + "/eventsub/subscriptions");
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
			throw new CommandLineException(option + " needs a value");
		}
		return args[index];
	}

	private static int number(String[] args, int index, String option) {
		try {
			return Integer.parseInt(value(args, index, option));
		}
		catch (NumberFormatException ex) {
			throw new CommandLineException(option + " needs a number, got " + args[index]);
		}
	}

	private static void usage(PrintStream out) {
		out.println("Usage: java -jar pubsub-test-standalone.jar [--port " + DEFAULT_PORT + "] [--control-port "
				+ DEFAULT_CONTROL_PORT + "] [--tokens FILE] [--host 127.0.0.1] [--allowed-host NAME]... "
				+ "[--allow-undocumented-topics]");
	}

	/**
	 * A started server, or the exit status when there is none.
	 *
	 * @param server the running server, {@code null} when it did not start or only help
	 * was asked for
	 * @param exitStatus 0, or why the server did not start
	 */
	record Launch(@Nullable FakeTwitchServer server, int exitStatus) {
	}

	/** A command line that cannot be understood: answered with the usage. */
	static final class CommandLineException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		CommandLineException(@Nullable String message) {
			super(message);
		}

	}

}
