package uk.cspr.agency;

import java.time.LocalDate;
import uk.cspr.variables.ProcessVariable;

/** The names {@code cspr-agency-request} owns: what a caller gives it, what it records, and its task keys. */
public final class AgencyRequest {
  public static final String KEY = "cspr-agency-request";

  public static final String TASK_PROVIDE_INFORMATION = "provideInformation";
  public static final String TASK_MANAGE_REQUEST = "manageAgencyRequest";
  /** The form of {@code provideInformation} unless the caller names another ({@code requestForm}). */
  public static final String FORM_PROVIDE_INFORMATION = "provide-agency-information";
  public static final String SUBPROCESS_AWAIT = "SubProcess_AwaitInformation";
  public static final String END_INFORMATION_RECEIVED = "EndEvent_InformationReceived";
  public static final String END_REQUEST_WITHDRAWN = "EndEvent_RequestWithdrawn";
  /** Where the coordinators' withdrawal ends the wait (in every version of the request). */
  public static final String END_WITHDRAWAL_DECIDED = "EndEvent_WithdrawalDecided";
  public static final String WAIT_OVERDUE = "ReceiveTask_Overdue";

  // what the caller gives
  public static final ProcessVariable<String> AGENCY_ID = ProcessVariable.text("agencyId");
  public static final ProcessVariable<String> ORGANISATION_NAME = ProcessVariable.text("organisationName");
  public static final ProcessVariable<String> CONTACT_EMAIL = ProcessVariable.text("contactEmail");
  public static final ProcessVariable<String> REQUEST_TEXT = ProcessVariable.text("requestText");
  public static final ProcessVariable<LocalDate> RESPONSE_DUE = ProcessVariable.date("responseDue");
  /** The case's incident date, so the agency can find the event in its records (requests from before it was passed have none). */
  public static final ProcessVariable<LocalDate> INCIDENT_DATE = ProcessVariable.date("incidentDate");
  /**
   * The form the agency answers with ({@code provideInformation}'s {@code camunda:formRef}), one
   * registered as an {@link AgencyRequestForm}: {@code provide-agency-information} when the caller
   * names none. Every reader of the answers (the checks, the receipt, the case file, the response
   * page, what a person may send) follows it.
   */
  public static final ProcessVariable<String> REQUEST_FORM = ProcessVariable.text("requestForm");

  // set by the request
  public static final ProcessVariable<String> AGENCY_NAME = ProcessVariable.text("agencyName");
  /**
   * The due date as Tasklist's lists show it beside each request ("Tuesday 8 December 2026"):
   * Tasklist shows a variable as it is stored, and {@code responseDue} is an ISO date.
   */
  public static final ProcessVariable<String> RESPONSE_DUE_IN_WORDS = ProcessVariable.text("responseDueInWords");
  public static final ProcessVariable<LocalDate> INFORMATION_PROVIDED_ON = ProcessVariable.date("informationProvidedOn");
  public static final ProcessVariable<Integer> EXTENSIONS = ProcessVariable.count("extensions");

  // the agency's answer (the form provide-agency-information), where Java reads it
  public static final ProcessVariable<LocalDate> INVOLVEMENT_FROM = ProcessVariable.date("involvementFrom");
  public static final ProcessVariable<LocalDate> INVOLVEMENT_TO = ProcessVariable.date("involvementTo");
  /** YES or NO: the agency says whether a child is at risk now (answers from before the question have none). */
  public static final ProcessVariable<String> IMMEDIATE_CONCERNS_RAISED = ProcessVariable.text("immediateConcernsRaised");
  public static final ProcessVariable<String> IMMEDIATE_CONCERNS = ProcessVariable.text("immediateSafeguardingConcerns");
  public static final ProcessVariable<String> RESPONDER_NAME = ProcessVariable.text("responderName");
  public static final ProcessVariable<String> RESPONDER_ROLE = ProcessVariable.text("responderRole");

  // the coordinators' decision on a request (the form manage-agency-request)
  public static final ProcessVariable<String> REQUEST_ACTION = ProcessVariable.text("requestAction");
  public static final ProcessVariable<LocalDate> NEW_RESPONSE_DUE = ProcessVariable.date("newResponseDue");
  public static final ProcessVariable<String> CHANGE_REASON = ProcessVariable.text("changeReason");
  public static final String ACTION_EXTEND = "EXTEND";
  public static final String ACTION_WITHDRAW = "WITHDRAW";

  private AgencyRequest() {}
}
