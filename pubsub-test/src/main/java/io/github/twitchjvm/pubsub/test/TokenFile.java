package io.github.twitchjvm.pubsub.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

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
 * <p>
 * The file holds secrets, so an error names the entry (such as
 * {@code users[1].tokens[0]}) and the field, and nothing of the file's content: not the
 * entry, not the value, not the JSON parser's message, which quotes the text it could not
 * read.
 */
final class TokenFile {

	private TokenFile() {
	}

	/**
	 * Registers the file's clients and users and issues its tokens.
	 * @return the tokens issued
	 * @throws IOException if the file cannot be read
	 * @throws IllegalArgumentException if the file is not valid JSON or an entry is
	 * incomplete or invalid
	 */
	static List<IssuedToken> load(Path file, TwitchAccounts accounts) throws IOException {
		JsonNode root = parse(file);
		if (!root.isObject()) {
			throw new IllegalArgumentException("Token file " + file + ": the top level must be a JSON object");
		}
		List<JsonNode> clients = entries(file, root, "clients");
		for (int i = 0; i < clients.size(); i++) {
			JsonNode client = clients.get(i);
			String entry = "clients[" + i + "]";
			inEntry(file, entry, () -> {
				String clientId = JsonInput.text(client, "client_id");
				List<String> redirectUris = JsonInput.texts(client, "redirect_uris");
				accounts.registerClient(clientId, JsonInput.text(client, "client_secret"), redirectUris);
				return null;
			});
		}
		List<IssuedToken> issued = new ArrayList<>();
		List<JsonNode> users = entries(file, root, "users");
		for (int i = 0; i < users.size(); i++) {
			JsonNode user = users.get(i);
			String entry = "users[" + i + "]";
			List<JsonNode> tokens = inEntry(file, entry, () -> {
				accounts.registerUser(JsonInput.text(user, "user_id"), JsonInput.text(user, "login"));
				return JsonInput.objects(user, "tokens");
			});
			for (int t = 0; t < tokens.size(); t++) {
				JsonNode token = tokens.get(t);
				issued.add(inEntry(file, entry + ".tokens[" + t + "]",
						() -> issue(accounts, JsonInput.text(user, "user_id"), token)));
			}
		}
		return issued;
	}

	private static JsonNode parse(Path file) throws IOException {
		String text = Files.readString(file);
		try {
			return ServerJson.MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			// Not chained: the parser's message quotes the text around the error, which
			// may be a token.
			throw new IllegalArgumentException("Token file " + file + " is not valid JSON" + where(ex.getLocation()));
		}
	}

	private static String where(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private static List<JsonNode> entries(Path file, JsonNode root, String field) {
		return inEntry(file, "top level", () -> JsonInput.objects(root, field));
	}

	private static IssuedToken issue(TwitchAccounts accounts, String userId, JsonNode token) {
		String accessToken = JsonInput.text(token, "access_token");
		String refreshToken = JsonInput.optionalText(token, "refresh_token");
		String clientId = JsonInput.optionalText(token, "client_id");
		if (clientId == null || clientId.isEmpty()) {
			clientId = TwitchAccounts.DEFAULT_CLIENT_ID;
		}
		else if (accounts.checkClient(clientId, null) == TwitchAccounts.ClientCheck.UNKNOWN) {
			throw new IllegalArgumentException("'client_id' names no client of 'clients'");
		}
		long seconds = JsonInput.number(token, "expires_in", 1, TwitchAccounts.MAX_TOKEN_LIFETIME.toSeconds(),
				accounts.defaultLifetime().toSeconds());
		return accounts.issueToken(userId, JsonInput.texts(token, "scopes"), Duration.ofSeconds(seconds), accessToken,
				(refreshToken == null || refreshToken.isEmpty()) ? "refresh" + accessToken : refreshToken, clientId);
	}

	/**
	 * Runs one entry's work, prefixing a failure with the file and the entry. The
	 * messages of {@link JsonInput} name the field, never the value; those
	 * {@link TwitchAccounts} can still throw here name no value of the file.
	 */
	private static <T> T inEntry(Path file, String entry, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Token file " + file + ", " + entry + ": " + ex.getMessage());
		}
	}

}
