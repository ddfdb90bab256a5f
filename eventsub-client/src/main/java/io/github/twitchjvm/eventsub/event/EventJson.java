package io.github.twitchjvm.eventsub.event;

import io.github.twitchjvm.jackson.TwitchJson;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper behind {@link EventSubCodec}: the set-up the PubSub model shares
 * ({@link TwitchJson}: snake_case names, unknown fields ignored, unknown enum values as
 * {@code UNRECOGNIZED}, RFC 3339 timestamps with nanoseconds, and leniency about fields),
 * with EventSub's enum spelling on top.
 */
final class EventJson {

	private EventJson() {
	}

	static JsonMapper createMapper() {
		return TwitchJson.mapperBuilder(EventJson.class.getPackage())
			// Twitch writes enum values in lower case ("add_blocked_term"); the constants
			// are upper case. Explicit names (a tier's "1000") are kept.
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
			.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
			.build();
	}

}
