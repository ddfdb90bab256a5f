package io.github.twitchjvm.pubsub.test;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

/**
 * Reads fields of JSON objects sent by users (control API bodies, token files), checking
 * types and ranges. Messages name the field and the rule, never the value: a value may be
 * a token typed into the wrong field.
 */
final class JsonInput {

	private JsonInput() {
	}

	/**
	 * A field that must be a non-empty string.
	 * @throws IllegalArgumentException if it is absent, empty or not a string
	 */
	static String text(JsonNode object, String field) {
		JsonNode value = object.path(field);
		if (!value.isString() || value.asString().isEmpty()) {
			throw new IllegalArgumentException("'" + field + "' is required (a non-empty string)");
		}
		return value.asString();
	}

	/**
	 * A field that may be absent or null, else a string.
	 * @throws IllegalArgumentException if it is present and not a string
	 */
	static @Nullable String optionalText(JsonNode object, String field) {
		JsonNode value = object.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalArgumentException("'" + field + "' must be a string");
		}
		return value.asString();
	}

	/**
	 * A whole number from {@code min} to {@code max}, or {@code absent} when the field is
	 * absent or null.
	 * @throws IllegalArgumentException if it is not a whole number in the range
	 */
	static long number(JsonNode object, String field, long min, long max, long absent) {
		JsonNode value = object.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return absent;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
				|| value.longValue() > max) {
			throw new IllegalArgumentException("'" + field + "' must be a whole number from " + min + " to " + max);
		}
		return value.longValue();
	}

	/**
	 * A boolean, or {@code absent} when the field is absent or null.
	 * @throws IllegalArgumentException if it is present and not a boolean
	 */
	static boolean flag(JsonNode object, String field, boolean absent) {
		JsonNode value = object.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return absent;
		}
		if (!value.isBoolean()) {
			throw new IllegalArgumentException("'" + field + "' must be true or false");
		}
		return value.booleanValue();
	}

	/**
	 * An array of strings, empty when the field is absent or null.
	 * @throws IllegalArgumentException if it is not an array of strings
	 */
	static List<String> texts(JsonNode object, String field) {
		JsonNode value = object.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return List.of();
		}
		List<String> texts = new ArrayList<>();
		if (value.isArray()) {
			for (JsonNode element : value) {
				if (!element.isString()) {
					break;
				}
				texts.add(element.asString());
			}
		}
		if (!value.isArray() || texts.size() != value.size()) {
			throw new IllegalArgumentException("'" + field + "' must be an array of strings");
		}
		return texts;
	}

	/**
	 * The elements of an array field, empty when it is absent or null.
	 * @throws IllegalArgumentException if it is not an array of objects
	 */
	static List<JsonNode> objects(JsonNode object, String field) {
		JsonNode value = object.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return List.of();
		}
		List<JsonNode> objects = new ArrayList<>();
		if (value.isArray()) {
			for (JsonNode element : value) {
				if (!element.isObject()) {
					break;
				}
				objects.add(element);
			}
		}
		if (!value.isArray() || objects.size() != value.size()) {
			throw new IllegalArgumentException("'" + field + "' must be an array of objects");
		}
		return objects;
	}

}
