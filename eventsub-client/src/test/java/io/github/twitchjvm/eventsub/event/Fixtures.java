package io.github.twitchjvm.eventsub.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JSON events under {@code src/test/resources/fixtures/eventsub}: one per typed type,
 * named {@code <type>.json}, variants named {@code <type>.<variant>.json}, and odd ones
 * under {@code partial/}.
 */
final class Fixtures {

	private static final String ROOT = "fixtures/eventsub/";

	private Fixtures() {
	}

	/**
	 * A fixture's text.
	 * @param name the path under {@code fixtures/eventsub/}, for example
	 * {@code channel.cheer.json}
	 */
	static String read(String name) {
		try {
			return Files.readString(directory(ROOT + name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The names of the well-formed fixtures, main ones and variants. */
	static List<String> complete() {
		return list("");
	}

	/** The names of the partial and odd fixtures, as {@code partial/<file>}. */
	static List<String> partial() {
		return list("partial/");
	}

	/**
	 * The typed type a fixture is for: the longest type name that starts its file name.
	 */
	static EventSubType typeOf(String name) {
		String file = name.substring(name.lastIndexOf('/') + 1);
		return EventSubTypes.all()
			.stream()
			.filter((type) -> file.startsWith(type.name() + "."))
			.max(Comparator.comparingInt((type) -> type.name().length()))
			.orElseThrow(() -> new IllegalArgumentException("No typed type for " + name));
	}

	private static List<String> list(String folder) {
		try (Stream<Path> files = Files.list(directory(ROOT + folder))) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.map((file) -> folder + file.getFileName())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path directory(String resource) {
		URL url = Fixtures.class.getClassLoader().getResource(resource);
		if (url == null) {
			throw new IllegalArgumentException("No test resource " + resource);
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
