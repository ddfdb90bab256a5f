package io.github.twitchjvm.pubsub.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The twurple peer's script with its packages, in a cache folder
 * ({@code ~/.cache/twitch-jvm-benchmarks/twurple-peer}): the script and its package files
 * are copied out of the benchmark's resources, and {@code npm ci} installs exactly what
 * the lock file pins, once per lock file. Where Node.js or npm is missing, or the install
 * fails (no registry), {@link #prepare()} says why instead.
 */
final class TwurpleInstallation {

	private static final String RESOURCES = "/twurple-peer/";

	private static final String LOCK = "package-lock.json";

	private static final List<String> FILES = List.of("package.json", LOCK, "twurple-peer.mjs");

	/** A copy of the lock file that the last successful {@code npm ci} installed. */
	private static final String INSTALLED = "installed-" + LOCK;

	private final Path script;

	private final String nodeVersion;

	private TwurpleInstallation(Path script, String nodeVersion) {
		this.script = script;
		this.nodeVersion = nodeVersion;
	}

	Path script() {
		return this.script;
	}

	String nodeVersion() {
		return this.nodeVersion;
	}

	static TwurpleInstallation prepare() throws Unavailable {
		return prepare(Path.of(System.getProperty("user.home"), ".cache", "twitch-jvm-benchmarks", "twurple-peer"));
	}

	static TwurpleInstallation prepare(Path folder) throws Unavailable {
		String node = run(folder.getParent(), 30, "node", "--version");
		try {
			Files.createDirectories(folder);
			for (String file : FILES) {
				copy(file, folder.resolve(file));
			}
			Path installed = folder.resolve(INSTALLED);
			byte[] lock = Files.readAllBytes(folder.resolve(LOCK));
			if (!Files.exists(installed) || !Arrays.equals(lock, Files.readAllBytes(installed))
					|| !Files.isDirectory(folder.resolve("node_modules/@twurple/pubsub"))) {
				Files.deleteIfExists(installed);
				run(folder, 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
				Files.write(installed, lock);
			}
		}
		catch (IOException ex) {
			throw new Unavailable("its folder " + folder + " could not be written: " + ex.getMessage());
		}
		return new TwurpleInstallation(folder.resolve("twurple-peer.mjs"), node);
	}

	private static void copy(String file, Path target) throws IOException {
		try (InputStream in = TwurpleInstallation.class.getResourceAsStream(RESOURCES + file)) {
			if (in == null) {
				throw new IOException(RESOURCES + file + " is not on the class path");
			}
			byte[] content = in.readAllBytes();
			if (!Files.exists(target) || !Arrays.equals(content, Files.readAllBytes(target))) {
				Files.write(target, content);
			}
		}
	}

	/** Runs a command in the folder and returns the last line of its output. */
	private static String run(Path folder, int timeoutSeconds, String... command) throws Unavailable {
		String line = String.join(" ", command);
		try {
			Files.createDirectories(folder);
			Path log = Files.createTempFile("twurple-peer", ".log");
			try {
				Process process = new ProcessBuilder(command).directory(folder.toFile())
					.redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.start();
				if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new Unavailable("`" + line + "` did not finish within " + timeoutSeconds + " s");
				}
				List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8)
					.stream()
					.map(String::trim)
					.filter((text) -> !text.isEmpty())
					.toList();
				if (process.exitValue() != 0) {
					// npm's first line names the error (such as "npm error code
					// ENOTFOUND").
					throw new Unavailable("`" + line + "` failed (exit " + process.exitValue() + ")"
							+ (output.isEmpty() ? "" : ": " + output.get(0)));
				}
				return output.isEmpty() ? "" : output.get(output.size() - 1);
			}
			finally {
				Files.deleteIfExists(log);
			}
		}
		catch (IOException ex) {
			throw new Unavailable("`" + line + "` could not run: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unavailable("interrupted during `" + line + "`");
		}
	}

	/** Why the twurple peer cannot run on this machine, for the report. */
	static final class Unavailable extends Exception {

		private static final long serialVersionUID = 1L;

		Unavailable(String reason) {
			super(reason);
		}

	}

}
