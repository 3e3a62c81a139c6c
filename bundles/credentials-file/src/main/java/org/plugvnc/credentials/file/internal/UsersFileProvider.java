package org.plugvnc.credentials.file.internal;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.files.PlugvncHome;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.UserDirectory;

/**
 * The users-file provider: registers a {@link CredentialVerifier} that reads the configured users
 * file and a {@link UserDirectory} that writes it, both with {@code plugvnc.credentials=file} and
 * the configured {@code service.ranking}.
 *
 * <p>Why the services are registered here rather than by DS: a ranking from a {@code .cfg} file
 * (fileinstall, Karaf's {@code config:property-set}) arrives as a String, which the framework takes
 * as ranking 0; read through the configuration annotation it becomes the Integer the framework
 * needs. A configuration change replaces the component (no {@code @Modified}), which is harmless:
 * neither service keeps session state.
 */
@Component(service = {}, configurationPid = UsersFileProvider.PID, immediate = true)
@Designate(ocd = UsersFileConfiguration.class)
public class UsersFileProvider {

  /** Configuration PID of this component. */
  static final String PID = "org.plugvnc.credentials.file";
  /** The value of {@link CredentialVerifier#PROVIDER_PROPERTY} for this provider. */
  static final String PROVIDER = "file";

  private final ServiceRegistration<CredentialVerifier> verifier;
  private final ServiceRegistration<UserDirectory> directory;

  /** Activated by DS with the home directory every plugvnc bundle uses. */
  @Activate
  public UsersFileProvider(BundleContext context, UsersFileConfiguration config) {
    Path file = UsersFileManager.usersFile(PlugvncHome.of(context::getProperty), config.usersFile());
    int iterations = UsersFileVerifier.boundedIterations(config.iterations());
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put(CredentialVerifier.PROVIDER_PROPERTY, PROVIDER);
    properties.put(Constants.SERVICE_RANKING, config.service_ranking());
    verifier = context.registerService(CredentialVerifier.class,
        new UsersFileVerifier(file, iterations, KeyDerivation.PBKDF2), properties);
    directory = context.registerService(UserDirectory.class,
        new UsersFileManager(file, iterations), properties);
  }

  @Deactivate
  void deactivate() {
    directory.unregister();
    verifier.unregister();
  }
}
