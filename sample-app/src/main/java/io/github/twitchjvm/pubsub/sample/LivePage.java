package io.github.twitchjvm.pubsub.sample;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live page's data: {@code /feed}, the handlers' entries as server-sent events
 * ({@code event: feed}, a JSON entry each, the recent ones first), and
 * {@code /api/state}, the connection, topics and tallies. The page itself is
 * {@code static/index.html}.
 */
@RestController
class LivePage {

	private final EventFeed feed;

	private final Dashboard dashboard;

	LivePage(EventFeed feed, Dashboard dashboard) {
		this.feed = feed;
		this.dashboard = dashboard;
	}

	@GetMapping(path = "/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter feed() {
		return this.feed.subscribe();
	}

	@GetMapping(path = "/api/state", produces = MediaType.APPLICATION_JSON_VALUE)
	Dashboard.PageState state() {
		return this.dashboard.state();
	}

}
