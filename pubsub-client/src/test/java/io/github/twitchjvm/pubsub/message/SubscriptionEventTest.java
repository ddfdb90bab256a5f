package io.github.twitchjvm.pubsub.message;

import java.time.Duration;
import java.time.Instant;

import io.github.twitchjvm.pubsub.message.SubscriptionEvent.SubEmote;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent.SubPlan;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionEventTest {

	private static <T> T decode(String file, Class<T> type) {
		return Fixtures.decode(TopicType.CHANNEL_SUBSCRIPTIONS, "subscriptions/" + file, type);
	}

	@Test
	void decodesASub() {
		SubscriptionEvent.Sub sub = decode("sub.json", SubscriptionEvent.Sub.class);
		assertThat(sub.userName()).isEqualTo("maplewhisk");
		assertThat(sub.userId()).isEqualTo("254876013");
		assertThat(sub.channelName()).isEqualTo("tidepool_tess");
		assertThat(sub.channelId()).isEqualTo("51496027");
		assertThat(sub.subPlan()).isEqualTo(SubPlan.TIER_1);
		assertThat(sub.months()).isZero();
		assertThat(sub.cumulativeMonths()).isEqualTo(1);
		assertThat(sub.streakMonths()).isNull();
		assertThat(sub.isGift()).isFalse();
		assertThat(sub.subMessage().message()).isEqualTo("first sub, love the vibes HeyGuys");
		assertThat(sub.subMessage().emotes()).containsExactly(new SubEmote(26, 32, "30259"));
	}

	@Test
	void decodesAResubWithStreak() {
		SubscriptionEvent.Resub resub = decode("resub.json", SubscriptionEvent.Resub.class);
		assertThat(resub.userName()).isEqualTo("granite_gus");
		assertThat(resub.subPlan()).isEqualTo(SubPlan.TIER_2);
		assertThat(resub.subPlanName()).isEqualTo("Tess Tier 2 Tidepoolers");
		assertThat(resub.cumulativeMonths()).isEqualTo(14);
		assertThat(resub.streakMonths()).isEqualTo(6);
	}

	@Test
	void decodesAGiftWithRecipientAndMultiMonthDuration() {
		SubscriptionEvent.SubGift gift = decode("subgift.json", SubscriptionEvent.SubGift.class);
		assertThat(gift.userName()).isEqualTo("lighthouse_lou");
		assertThat(gift.subPlan()).isEqualTo(SubPlan.TIER_3);
		assertThat(gift.months()).isEqualTo(1);
		assertThat(gift.isGift()).isTrue();
		assertThat(gift.recipientId()).isEqualTo("421907365");
		assertThat(gift.recipientUserName()).isEqualTo("nettle_nora");
		assertThat(gift.recipientDisplayName()).isEqualTo("Nettle_Nora");
		assertThat(gift.multiMonthDuration()).isEqualTo(3);
		assertThat(gift.subMessage().emotes()).as("emotes: null").isEmpty();
		assertThat(gift.isFromAnonymousGifter()).isFalse();
	}

	@Test
	void decodesAnAnonymousGiftWithoutSender() {
		SubscriptionEvent.AnonSubGift gift = decode("anonsubgift.json", SubscriptionEvent.AnonSubGift.class);
		assertThat(gift.channelName()).isEqualTo("quarry_queen");
		assertThat(gift.months()).isEqualTo(2);
		assertThat(gift.recipientId()).isEqualTo("187644502");
		assertThat(gift.recipientUserName()).isEqualTo("rustybucket_rob");
		assertThat(gift.multiMonthDuration()).isEqualTo(1);
	}

	@Test
	void recognisesTheDuplicateFrameFromTheAnonymousGifterPlaceholder() {
		SubscriptionEvent.SubGift placeholder = decode("subgift_ananonymousgifter.json",
				SubscriptionEvent.SubGift.class);
		SubscriptionEvent.AnonSubGift anonymous = decode("anonsubgift.json", SubscriptionEvent.AnonSubGift.class);
		assertThat(placeholder.isFromAnonymousGifter()).isTrue();
		assertThat(placeholder.userId()).isEqualTo("274598607");
		assertThat(placeholder.recipientId()).isEqualTo(anonymous.recipientId());
		assertThat(Duration.between(placeholder.time(), anonymous.time())).isLessThan(Duration.ofMillis(3));
	}

	@Test
	void decodesAResubGiftWithoutRecipientId() {
		SubscriptionEvent.ResubGift gift = decode("resubgift.json", SubscriptionEvent.ResubGift.class);
		assertThat(gift.userName()).isEqualTo("fernwood_fin");
		assertThat(gift.months()).isEqualTo(5);
		assertThat(gift.recipientId()).isNull();
		assertThat(gift.recipientUserName()).isEqualTo("oaken_ollie");
		assertThat(gift.recipientDisplayName()).isEqualTo("Oaken_Ollie");
	}

	@Test
	void decodesAnAnonymousResubGift() {
		SubscriptionEvent.AnonResubGift gift = decode("anonresubgift.json", SubscriptionEvent.AnonResubGift.class);
		assertThat(gift.subPlan()).isEqualTo(SubPlan.TIER_3);
		assertThat(gift.months()).isEqualTo(8);
		assertThat(gift.recipientId()).isEqualTo("356019274");
		assertThat(gift.recipientDisplayName()).isEqualTo("Saffron_Sky");
	}

	@Test
	void decodesAnExtendedSub() {
		SubscriptionEvent.ExtendSub extend = decode("extendsub.json", SubscriptionEvent.ExtendSub.class);
		assertThat(extend.userName()).isEqualTo("cobblestone_cy");
		assertThat(extend.cumulativeMonths()).isEqualTo(9);
		assertThat(extend.benefitEndMonth()).isEqualTo(11);
	}

	@Test
	void keepsTheDocumentationsEmoteQuirksAndOffsets() {
		SubscriptionEvent.Sub sub = decode("sub_docs_emotes.json", SubscriptionEvent.Sub.class);
		assertThat(sub.subMessage().emotes()).contains(new SubEmote(28, 6, "354"));
		assertThat(sub.subMessage().emotes().get(0).id()).as("numeric id read as text").isEqualTo("25");
		assertThat(sub.time()).isEqualTo(Instant.parse("2018-02-15T18:27:44.519Z"));
	}

	@Test
	void decodesAPrimeSubWithNullEmotes() {
		SubscriptionEvent.Sub sub = decode("sub_prime.json", SubscriptionEvent.Sub.class);
		assertThat(sub.subPlan()).isEqualTo(SubPlan.PRIME);
		assertThat(sub.subMessage().emotes()).isEmpty();
	}

	@Test
	void keepsAnUnknownContextWithItsRawJson() {
		String json = Fixtures.text("subscriptions/unknown_context.json");
		assertThat(PayloadCodec.standard().decode(TopicType.CHANNEL_SUBSCRIPTIONS, json))
			.isEqualTo(new SubscriptionEvent.Unknown("giftpaidupgrade", json));
	}

	@Test
	void aMissingContextIsUnknownToo() {
		String json = "{\"user_name\":\"x\",\"channel_id\":\"1\"}";
		assertThat(PayloadCodec.standard().decode(TopicType.CHANNEL_SUBSCRIPTIONS, json))
			.isEqualTo(new SubscriptionEvent.Unknown(null, json));
	}

	@Test
	void readsAnUnknownPlanAsUnrecognizedAndWritesKnownPlansAsTwitchDoes() {
		String json = Fixtures.text("subscriptions/sub.json").replace("\"1000\"", "\"4000\"");
		SubscriptionEvent.Sub sub = (SubscriptionEvent.Sub) PayloadCodec.standard()
			.decode(TopicType.CHANNEL_SUBSCRIPTIONS, json);
		assertThat(sub.subPlan()).isEqualTo(SubPlan.UNRECOGNIZED);
		PubSubPayload prime = decode("sub_prime.json", SubscriptionEvent.Sub.class);
		assertThat(PayloadCodec.standard().encode(prime)).startsWith("{\"context\":\"sub\",")
			.contains("\"sub_plan\":\"Prime\"");
	}

}
