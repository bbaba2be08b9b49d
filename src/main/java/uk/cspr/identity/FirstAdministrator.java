package uk.cspr.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outside the demo there are no default users: the first administrator comes from the
 * environment ({@code CSPR_ADMIN_USER}, {@code CSPR_ADMIN_PASSWORD}, {@code CSPR_ADMIN_EMAIL}) and
 * is created once; everyone else is added in Camunda Admin. Start-up stops, saying what to set,
 * when there is no administrator and none is given.
 */
public class FirstAdministrator extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final String userId;
  private final String password;
  private final String email;

  public FirstAdministrator(String userId, String password, String email) {
    this.userId = userId == null ? "" : userId.trim();
    this.password = password == null ? "" : password;
    this.email = email == null ? "" : email.trim();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    boolean anyAdministrator = identity.createUserQuery().memberOfGroup(Groups.ADMINISTRATORS).count() > 0;
    if (userId.isEmpty()) {
      if (!anyAdministrator) {
        throw new IllegalStateException("No administrator exists: set CSPR_ADMIN_USER, CSPR_ADMIN_PASSWORD and "
            + "CSPR_ADMIN_EMAIL for the first start");
      }
      return;
    }
    if (identity.createUserQuery().userId(userId).count() == 0) {
      if (password.length() < 12) {
        throw new IllegalStateException("CSPR_ADMIN_PASSWORD must be at least 12 characters");
      }
      User user = identity.newUser(userId);
      user.setFirstName("Administrator");
      user.setLastName(userId);
      user.setEmail(email);
      user.setPassword(password);
      if (engine.getProcessEngineConfiguration().isEnablePasswordPolicy()
          && !identity.checkPasswordAgainstPolicy(password, user).isValid()) {
        throw new IllegalStateException("CSPR_ADMIN_PASSWORD does not meet the password policy: at least 10 "
            + "characters with an upper-case and a lower-case letter, a digit and a symbol, and not the user id");
      }
      identity.saveUser(user);
      log.info("First administrator {} created", userId);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMINISTRATORS).count() == 0) {
      identity.createMembership(userId, Groups.ADMINISTRATORS);
    }
  }
}
