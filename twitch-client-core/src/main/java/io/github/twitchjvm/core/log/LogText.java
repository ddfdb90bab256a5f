package io.github.twitchjvm.core.log;

import org.jspecify.annotations.Nullable;

/**
 * Text from the network made safe to log: control characters escaped (so a peer cannot
 * forge log lines or terminal escapes) and length bounded (so a peer cannot flood the log
 * through one field).
 */
public final class LogText {

	/** Enough to recognise a value, short enough that no field floods a log line. */
	public static final int DEFAULT_MAX_LENGTH = 200;

	private LogText() {
	}

	/**
	 * Escapes and shortens a value to {@link #DEFAULT_MAX_LENGTH} characters.
	 * @param text text a peer sent, or {@code null}
	 * @return the text safe to log ({@code "null"} for {@code null})
	 */
	public static String safe(@Nullable CharSequence text) {
		return safe(text, DEFAULT_MAX_LENGTH);
	}

	/**
	 * Escapes control characters as {@code \n}, {@code \r}, {@code \t} or
	 * {@code \}{@code uXXXX} and cuts the text after {@code maxLength} characters, saying
	 * how long it was.
	 * @param text text a peer sent, or {@code null}
	 * @param maxLength the most characters of the text to keep
	 * @return the text safe to log ({@code "null"} for {@code null})
	 */
	public static String safe(@Nullable CharSequence text, int maxLength) {
		if (text == null) {
			return "null";
		}
		int end = Math.min(text.length(), maxLength);
		if (end == text.length() && !hasControlCharacter(text)) {
			return text.toString();
		}
		StringBuilder safe = new StringBuilder(end + 16);
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\n' -> safe.append("\\n");
				case '\r' -> safe.append("\\r");
				case '\t' -> safe.append("\\t");
				default -> {
					if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
						safe.append(String.format("\\u%04x", (int) c));
					}
					else {
						safe.append(c);
					}
				}
			}
		}
		if (end < text.length()) {
			safe.append("... (").append(text.length()).append(" characters)");
		}
		return safe.toString();
	}

	private static boolean hasControlCharacter(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				return true;
			}
		}
		return false;
	}

}
