package uk.cspr.agency;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sectors asked to contribute to a review (relevant agencies under SI 2018/789 and the
 * safeguarding partners' own services). The ids are fixed by the contract: they appear in
 * process variables, candidate groups ({@code agency-<id>}) and REST calls.
 */
public enum Agency {
  CHILDRENS_SOCIAL_CARE("childrens-social-care", "Children's social care"),
  POLICE("police", "Police"),
  HEALTH("health", "Health"),
  EDUCATION("education", "Education"),
  EARLY_YEARS("early-years", "Early years and childcare"),
  PROBATION("probation", "Probation"),
  YOUTH_JUSTICE("youth-justice", "Youth justice"),
  ADULT_SOCIAL_CARE("adult-social-care", "Adult social care"),
  HOUSING("housing", "Housing");

  private final String id;
  private final String displayName;

  Agency(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** The candidate group of this sector's tasks, holding its designated contacts. */
  public String groupId() {
    return "agency-" + id;
  }

  public static java.util.stream.Stream<Agency> stream() {
    return Arrays.stream(values());
  }

  public static Optional<Agency> byId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }
}
