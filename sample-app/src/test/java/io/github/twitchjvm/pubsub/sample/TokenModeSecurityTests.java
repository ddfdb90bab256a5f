package io.github.twitchjvm.pubsub.sample;

import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Without a profile the bot runs on a token and has no login: its page, its data and the
 * actuator answer this machine only, whatever address the server listens on, and a post
 * needs a CSRF token. The application is the real one, against the fake server; only the
 * requests are mock ones, since a test cannot send from another machine's address.
 */
@SpringBootTest(classes = SampleApplication.class)
@DirtiesContext
class TokenModeSecurityTests {

	private static final String BOT = "100000001";

	private static final FakeTwitchServer server = FakeTwitchServer.start();

	@Autowired
	WebApplicationContext context;

	@Autowired
	@Qualifier("springSecurityFilterChain")
	Filter security;

	private MockMvc mvc;

	@DynamicPropertySource
	static void twitch(DynamicPropertyRegistry properties) {
		server.accounts().registerUser(BOT, "demo_broadcaster");
		String token = server.accounts().issueToken(BOT, TwitchAccounts.ALL_SCOPES).accessToken();
		properties.add("TWITCH_ACCESS_TOKEN", () -> token);
		properties.add("TWITCH_USER_ID", () -> BOT);
		properties.add("twitch.pubsub.url", server::pubSubUri);
		properties.add("management.endpoints.web.exposure.include", () -> "health, twitchpubsub");
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(this.security).build();
	}

	@Test
	void thisMachineSeesThePageItsDataAndHealthWithoutDetails() throws Exception {
		this.mvc.perform(from("127.0.0.1", get("/api/state"))).andExpect(status().isOk());
		this.mvc.perform(from("::1", get("/actuator/twitchpubsub"))).andExpect(status().isOk());
		this.mvc.perform(from("127.0.0.1", get("/actuator/health")))
			.andExpect(jsonPath("$.status").exists())
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void anotherMachineIsRefusedEverything() throws Exception {
		for (String path : new String[] { "/", "/api/state", "/feed", "/actuator/health", "/actuator/twitchpubsub" }) {
			this.mvc.perform(from("192.0.2.10", get(path))).andExpect(status().isForbidden());
		}
	}

	@Test
	void aPostWithoutACsrfTokenIsRefusedEvenFromThisMachine() throws Exception {
		this.mvc.perform(from("127.0.0.1", post("/actuator/twitchpubsub"))).andExpect(status().isForbidden());
	}

	private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
		return request.with((mock) -> {
			mock.setRemoteAddr(address);
			return mock;
		});
	}

}
