package io.github.twitchjvm.pubsub.annotation;

import java.lang.reflect.Method;
import java.util.List;

import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * A registered {@link TwitchTopic} method, as resolved at startup.
 *
 * @param id the listener's id, {@code beanName#methodName} unless the annotation set one
 * @param beanName the bean that declares the method
 * @param method the method
 * @param topics every topic it listens to, placeholders and expressions resolved
 */
public record TwitchTopicListener(String id, String beanName, Method method, List<Topic> topics) {

	public TwitchTopicListener {
		topics = List.copyOf(topics);
	}

}
