package uk.cspr.agency;

/** The names {@code cspr-agency-request} owns. */
public final class AgencyRequest {
  public static final String KEY = "cspr-agency-request";

  public static final String TASK_PROVIDE_INFORMATION = "provideInformation";
  public static final String TASK_MANAGE_REQUEST = "manageAgencyRequest";
  public static final String SUBPROCESS_AWAIT = "SubProcess_AwaitInformation";
  public static final String END_INFORMATION_RECEIVED = "EndEvent_InformationReceived";
  public static final String END_REQUEST_WITHDRAWN = "EndEvent_RequestWithdrawn";
  /** Where the coordinators' withdrawal ends the wait (in every version of the request). */
  public static final String END_WITHDRAWAL_DECIDED = "EndEvent_WithdrawalDecided";
  public static final String WAIT_OVERDUE = "ReceiveTask_Overdue";

  // what the caller gives
  public static final String VAR_AGENCY_ID = "agencyId";
  public static final String VAR_ORGANISATION_NAME = "organisationName";
  public static final String VAR_CONTACT_EMAIL = "contactEmail";
  public static final String VAR_REQUEST_TEXT = "requestText";
  public static final String VAR_RESPONSE_DUE = "responseDue";

  // set by the request
  public static final String VAR_AGENCY_NAME = "agencyName";
  public static final String VAR_INFORMATION_PROVIDED_ON = "informationProvidedOn";
  public static final String VAR_EXTENSIONS = "extensions";

  // the coordinators' decision on a request
  public static final String VAR_REQUEST_ACTION = "requestAction";
  public static final String VAR_NEW_RESPONSE_DUE = "newResponseDue";
  public static final String VAR_CHANGE_REASON = "changeReason";
  public static final String ACTION_EXTEND = "EXTEND";
  public static final String ACTION_WITHDRAW = "WITHDRAW";

  private AgencyRequest() {}
}
