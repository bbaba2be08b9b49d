package uk.cspr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.agency.Agency;
import uk.cspr.testing.CsprSpringTest;

@CsprSpringTest
class IdentitySeederTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentitySeeder seeder;

  @Test
  void theDemoHasEveryContractGroupAndAPersonWithAnEmailInEach() {
    IdentityService identity = engine.getIdentityService();
    assertThat(Groups.all().keySet()).contains("cspr-coordinators", "cspr-managers", "partner-local-authority",
        "partner-icb", "partner-police", "agency-childrens-social-care", "agency-early-years", "agency-housing");
    assertThat(Groups.all()).hasSize(6 + Agency.values().length);
    for (String group : Groups.all().keySet()) {
      assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
      var members = identity.createUserQuery().memberOfGroup(group).list();
      assertThat(members).as("members of %s", group).isNotEmpty()
          .allSatisfy(u -> assertThat(u.getEmail()).endsWith("@example.org"));
    }
    assertThat(identity.checkPassword("demo", "demo")).isTrue();
    assertThat(identity.createUserQuery().userId("demo").memberOfGroup("camunda-admin").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId("demo").memberOfGroup("cspr-coordinators").count()).isEqualTo(1);
    assertThat(identity.checkPassword("health-lead", "health-lead")).isTrue();
    assertThat(identity.createUserQuery().userId("health-lead").singleResult().getFirstName()).isEqualTo("Grace");
  }

  @Test
  void seedingTwiceGivesTheSameResultAndKeepsAnAdministratorsEdits() {
    IdentityService identity = engine.getIdentityService();
    var renamed = identity.createUserQuery().userId("manager").singleResult();
    renamed.setEmail("tom.okafor@northshire.example.org");
    identity.saveUser(renamed);
    long users = identity.createUserQuery().count();
    long groups = identity.createGroupQuery().count();
    long memberships = Groups.all().keySet().stream()
        .mapToLong(g -> identity.createUserQuery().memberOfGroup(g).count()).sum();

    seeder.seed(identity);
    seeder.seed(identity);

    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
    assertThat(Groups.all().keySet().stream()
        .mapToLong(g -> identity.createUserQuery().memberOfGroup(g).count()).sum()).isEqualTo(memberships);
    assertThat(identity.createUserQuery().userId("manager").singleResult().getEmail())
        .isEqualTo("tom.okafor@northshire.example.org");
  }

  @Test
  void withoutTheDemoProfileOnlyTheGroupsAreCreated() {
    var plain = uk.cspr.testing.PlainEngine.withCalendar().build();
    try {
      new IdentitySeeder(false).seed(plain.getIdentityService());
      assertThat(plain.getIdentityService().createGroupQuery().count()).isEqualTo(Groups.all().size());
      assertThat(plain.getIdentityService().createUserQuery().count()).isZero();
    } finally {
      plain.close();
    }
  }
}
