package uk.cspr.identity;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the contract's groups in every installation and, in the demo, its people. Idempotent:
 * it adds only what is missing and never changes what an administrator has edited in Camunda
 * Admin, so it runs safely at every start and on every node.
 */
public class IdentitySeeder extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

  private final boolean demoPeople;

  public IdentitySeeder(boolean demoPeople) {
    this.demoPeople = demoPeople;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    seed(processEngine.getIdentityService());
  }

  public void seed(IdentityService identity) {
    int groups = seedGroups(identity);
    int people = demoPeople ? seedDemoPeople(identity) : 0;
    log.info("Identity seeding: {} groups and {} demo users created", groups, people);
  }

  private int seedGroups(IdentityService identity) {
    int created = 0;
    for (Map.Entry<String, String> entry : Groups.all().entrySet()) {
      if (identity.createGroupQuery().groupId(entry.getKey()).count() == 0) {
        Group group = identity.newGroup(entry.getKey());
        group.setName(entry.getValue());
        group.setType(Groups.ADMINISTRATORS.equals(entry.getKey()) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(group);
        created++;
      }
    }
    return created;
  }

  private int seedDemoPeople(IdentityService identity) {
    int created = 0;
    for (DemoPeople.Person person : DemoPeople.ALL) {
      if (identity.createUserQuery().userId(person.id()).count() == 0) {
        User user = identity.newUser(person.id());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
        user.setPassword(person.password());
        identity.saveUser(user);
        created++;
      }
      for (String groupId : person.groups()) {
        if (identity.createUserQuery().userId(person.id()).memberOfGroup(groupId).count() == 0) {
          identity.createMembership(person.id(), groupId);
        }
      }
    }
    return created;
  }
}
