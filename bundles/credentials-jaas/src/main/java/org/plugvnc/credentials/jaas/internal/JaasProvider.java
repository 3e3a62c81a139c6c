package org.plugvnc.credentials.jaas.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Supplier;
import javax.security.auth.login.Configuration;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.files.PlugvncHome;
import org.plugvnc.api.security.CredentialVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAAS provider: once its configuration exists, registers a {@link JaasVerifier} as a {@link
 * CredentialVerifier} with {@code plugvnc.credentials=jaas} and the configured {@code
 * service.ranking}. Without a configuration it stays inactive, so installing the bundle never lets
 * a container's users into the desktop by itself.
 *
 * <p>The service is registered here rather than by DS because a ranking from a {@code .cfg} file
 * arrives as a String, which the framework takes as 0; read through the configuration annotation
 * it becomes the Integer the framework needs. A configuration change replaces the component, which
 * is harmless: the verifier keeps no session state.
 */
@Component(service = {}, configurationPid = JaasProvider.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = JaasConfiguration.class)
public class JaasProvider {

  /** Configuration PID of this component. */
  static final String PID = "org.plugvnc.credentials.jaas";
  /** The value of {@link CredentialVerifier#PROVIDER_PROPERTY} for this provider. */
  static final String PROVIDER = "jaas";

  private static final Logger LOG = LoggerFactory.getLogger(JaasProvider.class);

  private final ServiceRegistration<CredentialVerifier> registration;

  /** Activated by DS once {@value #PID} is configured. */
  @Activate
  public JaasProvider(BundleContext context, JaasConfiguration config) {
    String realm = config.realm().isBlank() ? "karaf" : config.realm().trim();
    Supplier<Configuration> configuration;
    String source;
    if (config.configFile().isBlank()) {
      configuration = Configuration::getConfiguration;
      source = "the container's JAAS configuration";
    } else {
      JaasConfigFile file = new JaasConfigFile(
          PlugvncHome.resolve(PlugvncHome.of(context::getProperty), config.configFile(), ""));
      configuration = file;
      source = file.file().toString();
    }
    RoleRights rights = RoleRights.of(config.fullAccessRoles(), config.viewOnlyRoles(),
        config.rolePrincipalClasses());
    if (rights.fullAccess().isEmpty() && rights.viewOnly().isEmpty()) {
      LOG.warn("Configuration {} names no full-access or view-only role: no one can log in", PID);
    }
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put(CredentialVerifier.PROVIDER_PROPERTY, PROVIDER);
    properties.put(Constants.SERVICE_RANKING, config.service_ranking());
    registration = context.registerService(CredentialVerifier.class,
        new JaasVerifier(realm, configuration, rights), properties);
    LOG.info("JAAS credentials: realm {} from {}; full access for roles {}, view-only for {}",
        realm, source, rights.fullAccess(), rights.viewOnly());
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
  }
}
