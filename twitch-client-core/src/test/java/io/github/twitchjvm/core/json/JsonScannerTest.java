package io.github.twitchjvm.core.json;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scanner reads exactly the JSON its caller expects, and gives up on everything else.
 */
class JsonScannerTest {

	@Test
	void readsAnObjectOfEveryKindOfValue() {
		JsonScanner json = new JsonScanner(
				" {\"s\" : \"a\\\"b\", \"i\":-12,\"l\":1686987591,\"t\":true,\"f\":false,\"n\":null,"
						+ "\"o\":{\"x\":[1,2.5e-3,{}]},\"a\":[],\"e\":\"\"}\n");
		json.beginObject();
		assertThat(json.nextName()).isTrue();
		assertThat(json.nameIs("s")).isTrue();
		assertThat(json.string()).isEqualTo("a\"b");
		assertThat(json.nextName()).isTrue();
		assertThat(json.nameIs("i")).isTrue();
		assertThat(json.integerText()).isEqualTo("-12");
		assertThat(json.nextName()).isTrue();
		assertThat(json.longValue()).isEqualTo(1686987591L);
		assertThat(json.nextName()).isTrue();
		assertThat(json.bool()).isTrue();
		assertThat(json.nextName()).isTrue();
		assertThat(json.bool()).isFalse();
		assertThat(json.nextName()).isTrue();
		assertThat(json.nullValue()).isTrue();
		assertThat(json.nextName()).isTrue();
		json.skipValue();
		assertThat(json.nextName()).isTrue();
		json.beginArray();
		assertThat(json.nextElement()).isFalse();
		assertThat(json.nextName()).isTrue();
		assertThat(json.nameIs("e")).isTrue();
		assertThat(json.nullValue()).isFalse();
		assertThat(json.string()).isEmpty();
		assertThat(json.nextName()).isFalse();
		json.end();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"a\":1,}", "{,\"a\":1}", "{\"a\":1 \"b\":2}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":1.}",
			"{\"a\":-}", "{\"a\":1e}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":[1,]}", "{\"a\":[,1]}",
			"{\"a\":\"\\x\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"tab\there\"}", "{\"a\":\"open}",
			"{\"a\":{}}}", "{\"a\":1}x", "{'a':1}", "{\"a\":1", "", "{\"\\u0061\":1}", "{\"a\":+1}", "{\"a\":1x}",
			"{\"a\":\u00a01}" })
	void givesUpOnAnythingThatIsNotValidJson(String text) {
		assertThatThrownBy(() -> skipDocument(text)).isSameAs(JsonScanner.GIVE_UP);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"a\":[1,-0,0.5,1E+9,-2e-2,true,false,null,\"\",{\"b\":[[]]}]}", " { } ",
			"{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"}" })
	void skipsEveryValidValue(String text) {
		skipDocument(text);
	}

	@Test
	void givesUpOnNestingDeeperThanItsLimit() {
		String deep = "{\"a\":" + "[".repeat(JsonScanner.MAX_DEPTH) + "]".repeat(JsonScanner.MAX_DEPTH) + "}";
		assertThatThrownBy(() -> skipDocument(deep)).isSameAs(JsonScanner.GIVE_UP);
		String shallow = "{\"a\":" + "[".repeat(JsonScanner.MAX_DEPTH - 1) + "]".repeat(JsonScanner.MAX_DEPTH - 1)
				+ "}";
		skipDocument(shallow);
	}

	@Test
	void givesUpOnNumbersThatDoNotFitWhatWasAsked() {
		assertThatThrownBy(() -> value("12.5").longValue()).isSameAs(JsonScanner.GIVE_UP);
		assertThatThrownBy(() -> value("1e3").integerText()).isSameAs(JsonScanner.GIVE_UP);
		assertThatThrownBy(() -> value("2147483648").intValue()).isSameAs(JsonScanner.GIVE_UP);
		assertThatThrownBy(() -> value("1234567890123456789").longValue()).isSameAs(JsonScanner.GIVE_UP);
		assertThat(value("-2147483648").intValue()).isEqualTo(Integer.MIN_VALUE);
		assertThat(value("123456789012345678").longValue()).isEqualTo(123456789012345678L);
		assertThat(value("123456789012345678901234567890").integerText()).isEqualTo("123456789012345678901234567890");
	}

	/**
	 * Strings of every length around the copy chunks, with escapes at every kind of
	 * place, read the same as a plain reference unescaper.
	 */
	@Test
	void unescapesLongStringsAcrossItsCopyChunks() {
		SplittableRandom random = new SplittableRandom(3);
		String[] pieces = { "a", "é", "\\\"", "\\\\", "\\n", "\\u00e9", "\\uD83D\\uDE00", "xyz", "😀" };
		for (int round = 0; round < 300; round++) {
			int target = random.nextInt(9000);
			StringBuilder escaped = new StringBuilder();
			while (escaped.length() < target) {
				escaped.append(pieces[random.nextInt(pieces.length)]);
			}
			String document = "{\"k\":\"" + escaped + "\",\"after\":\"x\\ty\"}";
			JsonScanner json = new JsonScanner(document);
			json.beginObject();
			assertThat(json.nextName()).isTrue();
			assertThat(json.string()).isEqualTo(reference(escaped.toString()));
			assertThat(json.nextName()).isTrue();
			assertThat(json.string()).isEqualTo("x\ty");
			assertThat(json.nextName()).isFalse();
			json.end();
		}
	}

	@Test
	void givesUpOnAnUnterminatedEscapedStringOfAnyLength() {
		for (int length : new int[] { 0, 1, 2047, 2048, 2049, 5000 }) {
			String text = "{\"k\":\"\\n" + "a".repeat(length);
			assertThatThrownBy(() -> skipDocument(text)).isSameAs(JsonScanner.GIVE_UP);
			assertThatThrownBy(() -> {
				JsonScanner json = new JsonScanner(text);
				json.beginObject();
				json.nextName();
				json.string();
			}).isSameAs(JsonScanner.GIVE_UP);
			assertThatThrownBy(() -> {
				JsonScanner json = new JsonScanner(text + "\\");
				json.beginObject();
				json.nextName();
				json.string();
			}).isSameAs(JsonScanner.GIVE_UP);
		}
	}

	private static JsonScanner value(String number) {
		JsonScanner json = new JsonScanner("{\"n\":" + number + "}");
		json.beginObject();
		json.nextName();
		return json;
	}

	private static void skipDocument(String text) {
		JsonScanner json = new JsonScanner(text);
		json.skipValue();
		json.end();
	}

	private static String reference(String escaped) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char next = escaped.charAt(++i);
			switch (next) {
				case 'n' -> out.append('\n');
				case 'u' -> {
					out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> out.append(next);
			}
		}
		return out.toString();
	}

}
