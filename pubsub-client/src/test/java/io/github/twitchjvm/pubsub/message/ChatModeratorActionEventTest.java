package io.github.twitchjvm.pubsub.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent.ActionType;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent.ModerationAction;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent.TermAction;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatModeratorActionEventTest {

	private static final List<ModerationAction> ACTIONS = Fixtures
		.elements("chat-moderator-actions/moderation_actions.json")
		.stream()
		.map((json) -> (ModerationAction) PayloadCodec.standard().decode(TopicType.CHAT_MODERATOR_ACTIONS, json))
		.toList();

	private static ModerationAction action(ActionType type) {
		return ACTIONS.stream().filter((action) -> action.action() == type).findFirst().orElseThrow();
	}

	@Test
	void everyKnownActionHasAFixtureAndDecodes() {
		Set<ActionType> decoded = ACTIONS.stream().map(ModerationAction::action).collect(Collectors.toSet());
		Set<ActionType> known = EnumSet.allOf(ActionType.class);
		known.remove(ActionType.UNRECOGNIZED);
		assertThat(decoded).isEqualTo(known);
		assertThat(ACTIONS)
			.allSatisfy((action) -> assertThat(action.moderationAction()).isEqualTo(action.action().wireName()));
	}

	@Test
	void decodesABanWithReason() {
		ModerationAction ban = action(ActionType.BAN);
		assertThat(ban.moderationType()).isEqualTo("chat_login_moderation");
		assertThat(ban.args()).containsExactly("spambot_x9", "posting scam links");
		assertThat(ban.createdBy()).isEqualTo("hollowbrook_mod");
		assertThat(ban.createdByUserId()).isEqualTo("143928570");
		assertThat(ban.createdAt()).isEqualTo(Instant.parse("2023-06-20T19:01:05.118204736Z"));
		assertThat(ban.targetUserId()).isEqualTo("812340567");
		assertThat(ban.targetLogin()).isEqualTo("spambot_x9");
		assertThat(ban.reason()).isEqualTo("posting scam links");
		assertThat(ban.msgId()).as("empty msg_id").isNull();
		assertThat(ban.duration()).isNull();
	}

	@Test
	void fallsBackToTheFirstArgumentWhenTargetLoginIsEmpty() {
		ModerationAction unban = action(ActionType.UNBAN);
		assertThat(unban.targetUserLogin()).isNull();
		assertThat(unban.targetLogin()).isEqualTo("spambot_x9");
		assertThat(unban.createdAt()).as("empty created_at").isNull();
		assertThat(action(ActionType.VIP).targetLogin()).isEqualTo("vip_vera");
		assertThat(action(ActionType.UNRAID).targetLogin()).isEqualTo("friendly_fjord");
	}

	@Test
	void decodesATimeoutWithDurationAndReason() {
		ModerationAction timeout = action(ActionType.TIMEOUT);
		assertThat(timeout.duration()).isEqualTo(Duration.ofSeconds(600));
		assertThat(timeout.reason()).isEqualTo("caps spam");
		assertThat(timeout.targetLogin()).isEqualTo("loudmouth_lenny");
	}

	@Test
	void decodesChannelModesWithTheirDurations() {
		assertThat(action(ActionType.SLOW).duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(action(ActionType.FOLLOWERS).duration()).isEqualTo(Duration.ofMinutes(10));
		ModerationAction clear = action(ActionType.CLEAR);
		assertThat(clear.moderationType()).isEqualTo("chat_channel_moderation");
		assertThat(clear.args()).as("args: null").isEmpty();
		assertThat(clear.targetUserId()).isNull();
		assertThat(clear.targetLogin()).isNull();
		assertThat(clear.reason()).isNull();
	}

	@Test
	void decodesADeleteWithTheDeletedMessage() {
		ModerationAction delete = action(ActionType.DELETE);
		assertThat(delete.args()).containsExactly("gravel_gary", "buy followers at cheapfollows dot biz",
				"2f6a9c1e-84b7-4d03-a5e2-c91d0b7f3e68");
		assertThat(delete.targetLogin()).isEqualTo("gravel_gary");
	}

	@Test
	void decodesAWarningWithItsIdAndEmptyCreator() {
		ModerationAction warn = action(ActionType.WARN);
		assertThat(warn.id()).isEqualTo("a1c93e57-60fd-4b28-9e14-d7b52f08c3a6");
		assertThat(warn.createdBy()).as("Twitch bug: created_by empty for warn").isNull();
		assertThat(warn.reason()).isEqualTo("keep it civil please");
		assertThat(warn.targetLogin()).isEqualTo("rude_rowan");
	}

	@Test
	void decodesAutomodAndTargetedActions() {
		assertThat(action(ActionType.AUTOMOD_REJECTED).fromAutomod()).isTrue();
		assertThat(action(ActionType.MODIFIED_AUTOMOD_PROPERTIES).args()).isEmpty();
		ModerationAction notification = action(ActionType.DELETE_NOTIFICATION);
		assertThat(notification.moderationType()).isEqualTo("chat_targeted_login_moderation");
		assertThat(notification.args()).containsExactly("sorry about that link");
		assertThat(notification.targetLogin()).as("the text is not a login").isNull();
	}

	@Test
	void anUnknownActionIsUnrecognizedButKeepsItsName() {
		String json = Fixtures.elements("chat-moderator-actions/moderation_actions.json")
			.get(0)
			.replace("\"ban\"", "\"shadowban\"");
		ModerationAction action = (ModerationAction) PayloadCodec.standard()
			.decode(TopicType.CHAT_MODERATOR_ACTIONS, json);
		assertThat(action.action()).isEqualTo(ActionType.UNRECOGNIZED);
		assertThat(action.moderationAction()).isEqualTo("shadowban");
		assertThat(action.targetLogin()).isEqualTo("spambot_x9");
		assertThat(ActionType.fromWireName(null)).isEqualTo(ActionType.UNRECOGNIZED);
		assertThat(Arrays.stream(ActionType.values()).map(ActionType::wireName)).contains("r9kbetaoff",
				"acknowledgewarning", "automod_message_denied");
	}

	@Test
	void decodesChannelTermsActions() {
		ChatModeratorActionEvent.ChannelTermsAction blocked = Fixtures.decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/channel_terms_action.json", ChatModeratorActionEvent.ChannelTermsAction.class);
		assertThat(blocked.termAction()).isEqualTo(TermAction.ADD_BLOCKED_TERM);
		assertThat(blocked.text()).isEqualTo("sn0wcheats");
		assertThat(blocked.requesterId()).isEqualTo("202513768");
		assertThat(blocked.requesterLogin()).isEqualTo("mod_sorrel");
		assertThat(blocked.expiresAt()).as("expires_at \"\"").isNull();
		assertThat(blocked.updatedAt()).isEqualTo(Instant.parse("2024-03-05T14:52:31.774902615Z"));
		assertThat(blocked.fromAutomod()).isTrue();

		ChatModeratorActionEvent.ChannelTermsAction permitted = Fixtures.decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/channel_terms_action_permitted.json",
				ChatModeratorActionEvent.ChannelTermsAction.class);
		assertThat(permitted.termAction()).isEqualTo(TermAction.DELETE_PERMITTED_TERM);
		assertThat(permitted.expiresAt()).isEqualTo(Instant.parse("2023-07-22T17:10:00.803517249Z"));
	}

	@Test
	void decodesRoleChanges() {
		assertThat(Fixtures.decode(TopicType.CHAT_MODERATOR_ACTIONS, "chat-moderator-actions/moderator_added.json"))
			.isEqualTo(new ChatModeratorActionEvent.ModeratorAdded("64781230", "158302947", "new_mod_nia", "64781230",
					"pinecrest_pat", "mod"));
		assertThat(Fixtures.decode(TopicType.CHAT_MODERATOR_ACTIONS, "chat-moderator-actions/moderator_removed.json",
				ChatModeratorActionEvent.ModeratorRemoved.class))
			.satisfies((removed) -> {
				assertThat(removed.targetUserLogin()).isEqualTo("old_mod_otto");
				assertThat(removed.moderationAction()).isEqualTo("unmod");
			});
		assertThat(Fixtures.decode(TopicType.CHAT_MODERATOR_ACTIONS, "chat-moderator-actions/vip_added.json"))
			.isEqualTo(new ChatModeratorActionEvent.VipAdded("64781230", "331856092", "vip_vera", "143928570",
					"hollowbrook_mod", null));
		assertThat(Fixtures
			.decode(TopicType.CHAT_MODERATOR_ACTIONS, "chat-moderator-actions/vip_removed.json",
					ChatModeratorActionEvent.VipRemoved.class)
			.targetUserId()).isEqualTo("445120678");
	}

	@Test
	void decodesUnbanRequestDecisions() {
		ChatModeratorActionEvent.UnbanRequestApproved approved = Fixtures.decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/approve_unban_request.json",
				ChatModeratorActionEvent.UnbanRequestApproved.class);
		assertThat(approved).isEqualTo(new ChatModeratorActionEvent.UnbanRequestApproved("APPROVE_UNBAN_REQUEST",
				"143928570", "hollowbrook_mod", "second chance, please read the rules", "812340567", "spambot_x9"));
		ChatModeratorActionEvent.UnbanRequestDenied denied = Fixtures.decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/deny_unban_request.json", ChatModeratorActionEvent.UnbanRequestDenied.class);
		assertThat(denied.moderationAction()).isEqualTo("DENY_UNBAN_REQUEST");
		assertThat(denied.moderatorMessage()).isEmpty();
		assertThat(denied.targetUserLogin()).isEqualTo("repeat_offender_ray");
	}

	@Test
	void keepsAnUnknownTypeWithItsRawJson() {
		String json = Fixtures.text("chat-moderator-actions/unknown.json");
		assertThat(PayloadCodec.standard().decode(TopicType.CHAT_MODERATOR_ACTIONS, json))
			.isEqualTo(new ChatModeratorActionEvent.Unknown("shared_chat_ban", json));
	}

}
