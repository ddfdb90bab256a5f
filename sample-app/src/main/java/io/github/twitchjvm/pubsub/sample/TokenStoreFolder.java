package io.github.twitchjvm.pubsub.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code twitch} profile keeps the bot's tokens in an H2 file, unencrypted like any
 * token store on disk: its folder is created readable by this user only before the
 * database opens (H2 would create it with the default permissions), and a folder that
 * others can read is reported. Runs as a bean factory post-processor because the data
 * source is an ordinary bean that may be created early.
 */
@Component
@Profile("twitch")
class TokenStoreFolder implements BeanFactoryPostProcessor, EnvironmentAware {

	private static final Logger logger = LoggerFactory.getLogger(TokenStoreFolder.class);

	private static final String H2_FILE = "jdbc:h2:file:";

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private String url = "";

	@Override
	public void setEnvironment(Environment environment) {
		this.url = environment.getProperty("spring.datasource.url", "");
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!this.url.startsWith(H2_FILE)
				|| !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		String file = this.url.substring(H2_FILE.length()).split(";", 2)[0];
		Path folder = Path.of(file).toAbsolutePath().getParent();
		if (folder == null) {
			return;
		}
		try {
			if (Files.notExists(folder)) {
				Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else if (!OWNER_ONLY.containsAll(Files.getPosixFilePermissions(folder))) {
				logger.warn("The token store's folder {} can be read by other users: chmod 700 it", folder);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the token store's folder " + folder, ex);
		}
	}

}
