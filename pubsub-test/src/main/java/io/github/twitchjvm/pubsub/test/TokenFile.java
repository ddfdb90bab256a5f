package io.github.twitchjvm.pubsub.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Loads users, clients and tokens into {@link TwitchAccounts} from a JSON file, for the
 * standalone server:
 *
 * <pre>{@code
 * {
 *   "clients": [ { "client_id": "myclient", "client_secret": "mysecret" } ],
 *   "users": [ { "user_id": "44322889", "login": "dallas",
 *                "tokens": [ { "access_token": "...", "refresh_token": "...", "client_id": "myclient",
 *                              "scopes": ["whispers:read"], "expires_in": 14400 } ] } ]
 * }
 * }</pre>
 *
 * {@code client_id} of a token defaults to the default client, {@code expires_in} to the
 * server's token lifetime, {@code refresh_token} to a generated one.
 */
final class TokenFile {

	private TokenFile() {
	}

	static List<IssuedToken> load(Path file, TwitchAccounts accounts) throws IOException {
		JsonNode root = ServerJson.MAPPER.readTree(Files.readString(file));
		for (JsonNode client : root.path("clients")) {
			accounts.registerClient(text(client, "client_id"), text(client, "client_secret"));
		}
		List<IssuedToken> issued = new ArrayList<>();
		for (JsonNode user : root.path("users")) {
			String userId = text(user, "user_id");
			accounts.registerUser(userId, text(user, "login"));
			for (JsonNode token : user.path("tokens")) {
				List<String> scopes = new ArrayList<>();
				token.path("scopes").forEach((scope) -> scopes.add(scope.asString()));
				Duration lifetime = token.has("expires_in") ? Duration.ofSeconds(token.path("expires_in").asLong())
						: accounts.defaultLifetime();
				String refreshToken = token.path("refresh_token").asString("");
				issued.add(refreshToken.isEmpty()
						? accounts.issueToken(userId, scopes, lifetime, text(token, "access_token"),
								"refresh" + text(token, "access_token"),
								token.path("client_id").asString(TwitchAccounts.DEFAULT_CLIENT_ID))
						: accounts.issueToken(userId, scopes, lifetime, text(token, "access_token"), refreshToken,
								token.path("client_id").asString(TwitchAccounts.DEFAULT_CLIENT_ID)));
			}
		}
		return issued;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (!value.isString() || value.asString().isEmpty()) {
			throw new IllegalArgumentException("Token file: '" + field + "' missing in " + node);
		}
		return value.asString();
	}

}
