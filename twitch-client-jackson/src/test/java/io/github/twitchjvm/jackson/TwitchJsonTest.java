package io.github.twitchjvm.jackson;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.jackson.model.Chatter;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared set-up: absent values are filled in for the model's package only, whatever
 * package the helpers live in, and mistyped or out-of-range values are absent.
 */
class TwitchJsonTest {

	private final JsonMapper mapper = TwitchJson.mapperBuilder(Chatter.class.getPackage()).build();

	@Test
	void recordsOfTheModelPackageGetAbsentValues() {
		Chatter chatter = this.mapper.readValue("{}", Chatter.class);
		assertThat(chatter).isEqualTo(new Chatter("", 0, AbsentValues.TIME, null, List.of()));
	}

	@Test
	void recordsOfOtherPackagesKeepJacksonsBehaviour() {
		// This package is the helpers' own: only the package the model names counts.
		Outsider outsider = this.mapper.readValue("{}", Outsider.class);
		assertThat(outsider.login()).isNull();
	}

	@Test
	void mistypedAndOutOfRangeValuesAreAbsent() {
		Chatter chatter = this.mapper.readValue(
				"{\"login\":{\"x\":1},\"bits\":99999999999,\"at\":\"soon\",\"color\":\"\",\"badges\":7}",
				Chatter.class);
		assertThat(chatter).isEqualTo(new Chatter("", 0, AbsentValues.TIME, "", List.of()));
	}

	@Test
	void timestampsKeepNanosecondsAndOffsetsAndGoZeroTimeIsAbsent() {
		Chatter chatter = this.mapper.readValue("{\"at\":\"2023-07-19T06:56:51.634234626-08:00\"}", Chatter.class);
		assertThat(chatter.at()).isEqualTo(Instant.parse("2023-07-19T14:56:51.634234626Z"));
		assertThat(this.mapper.writeValueAsString(chatter)).contains("\"at\":\"2023-07-19T14:56:51.634234626Z\"");
		assertThat(TwitchTimestamps.parse("0001-01-01T00:00:00Z")).isNull();
	}

	@Test
	void mapCopiesDropNullEntries() {
		Map<String, String> map = new HashMap<>();
		map.put("broadcaster_user_id", "1");
		map.put("moderator_user_id", null);
		assertThat(Lists.copyOf(map)).containsExactly(Map.entry("broadcaster_user_id", "1"));
	}

	record Outsider(String login) {
	}

}
