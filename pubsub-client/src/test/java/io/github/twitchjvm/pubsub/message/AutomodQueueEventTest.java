package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.Map;

import io.github.twitchjvm.pubsub.message.AutomodQueueEvent.CaughtMessage;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutomodQueueEventTest {

	private static CaughtMessage decode(String file) {
		return Fixtures.decode(TopicType.AUTOMOD_QUEUE, "automod-queue/" + file, CaughtMessage.class);
	}

	@Test
	void decodesAPendingMessageWithEveryKindOfFragment() {
		CaughtMessage caught = decode("caught_pending.json");
		assertThat(caught.status()).isEqualTo(AutomodStatus.PENDING);
		assertThat(caught.id()).isEqualTo("9b1e4f7c-2d83-4a60-b5c9-e0f3a8d21c47");
		assertThat(caught.reasonCode()).isEqualTo("AutoModCaughtMessageReason");
		assertThat(caught.resolverId()).as("resolver_id \"\" while pending").isNull();
		assertThat(caught.resolverLogin()).isNull();
		assertThat(caught.contentClassification())
			.isEqualTo(new AutomodQueueEvent.ContentClassification("swearing", 4));

		AutomodQueueEvent.HeldMessage message = caught.message();
		assertThat(message.id()).isEqualTo("9b1e4f7c-2d83-4a60-b5c9-e0f3a8d21c47");
		assertThat(message.sentAt()).isEqualTo(Instant.parse("2024-02-10T21:36:18.447302915Z"));
		assertThat(message.channelId()).isEqualTo("88412057");
		assertThat(message.channelLogin()).isEqualTo("glacierpeak_gg");
		assertThat(message.sender())
			.isEqualTo(new ChatSender("293017645", "gravelgrinder", message.sender().displayName(), "#FF4500",
					java.util.List.of(new Badge("subscriber", "6"), new Badge("glhf-pledge", "1"))));

		MessageContent content = message.content();
		assertThat(content.fragments()).hasSize(8);
		assertThat(content.fragments().stream().map(MessageFragment::text).reduce("", String::concat))
			.isEqualTo(content.text());
		MessageFragment censored = content.fragments().get(1);
		assertThat(censored.text()).isEqualTo("bullshit");
		assertThat(censored.automod())
			.isEqualTo(new MessageFragment.Automod(Map.of("vulgar", 6, "bullying", 2), false, true));
		assertThat(content.fragments().get(3).emoticon()).isEqualTo(new MessageFragment.Emoticon("25", "0"));
		assertThat(content.fragments().get(5).userMention())
			.isEqualTo(new MessageFragment.UserMention("167420985", "speedyrunner_42", "SpeedyRunner_42"));
		assertThat(content.fragments().get(7).link()).isEqualTo(new MessageFragment.Link("youtube.com"));
		assertThat(content.fragments().get(0)).isEqualTo(new MessageFragment("this run is ", null, null, null, null));

		AutomodQueueEvent.CaughtMessageReason reason = caught.caughtMessageReason();
		assertThat(reason.automodFailure()).isEqualTo(new AutomodQueueEvent.AutomodFailure("swearing", 4,
				java.util.List.of(new AutomodQueueEvent.TextPosition(12, 19))));
		assertThat(reason.blockedTermFailure()).isNull();
	}

	@Test
	void decodesTheSameMessageAfterAModeratorAllowedIt() {
		CaughtMessage pending = decode("caught_pending.json");
		CaughtMessage allowed = decode("caught_allowed.json");
		assertThat(allowed.status()).isEqualTo(AutomodStatus.ALLOWED);
		assertThat(allowed.resolverId()).isEqualTo("119642038");
		assertThat(allowed.resolverLogin()).isEqualTo("mod_marlow");
		assertThat(allowed.reasonCode()).as("reason_code \"\"").isNull();
		assertThat(allowed.caughtMessageReason()).isNull();
		assertThat(allowed.id()).isNull();
		assertThat(allowed.message().channelLogin()).isNull();
		assertThat(allowed.message().content()).isEqualTo(pending.message().content());
	}

	@Test
	void decodesABlockedTermCatch() {
		CaughtMessage denied = decode("caught_blocked_term.json");
		assertThat(denied.status()).isEqualTo(AutomodStatus.DENIED);
		assertThat(denied.reasonCode()).isEqualTo("BlockedTermCaughtMessageReason");
		assertThat(denied.message().sender().badges()).isEmpty();
		assertThat(denied.message().content().fragments().get(1).automod())
			.isEqualTo(new MessageFragment.Automod(Map.of(), true, false));
		AutomodQueueEvent.CaughtMessageReason reason = denied.caughtMessageReason();
		assertThat(reason.automodFailure().positionsInMessage()).as("positions_in_message: null").isEmpty();
		assertThat(reason.blockedTermFailure().containsPrivateTerm()).isFalse();
		assertThat(reason.blockedTermFailure().termsFound())
			.containsExactly(new AutomodQueueEvent.BlockedTerm(false, "88412057",
					new AutomodQueueEvent.TextPosition(15, 24), "5d2c9e81-a74b-4f30-b6e8-13f0d7a2c964", "sn0wcheats"));
	}

	@Test
	void keepsAnUnknownTypeWithItsRawJson() {
		String json = Fixtures.text("automod-queue/unknown.json");
		assertThat(PayloadCodec.standard().decode(TopicType.AUTOMOD_QUEUE, json))
			.isEqualTo(new AutomodQueueEvent.Unknown("automod_queue_cleared", json));
	}

}
