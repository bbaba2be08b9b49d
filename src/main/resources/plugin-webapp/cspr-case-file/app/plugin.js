// Tasklist: a "Case file" tab on every task, showing the task's case (an agency sees its own request),
// and a "Documents" tab where whoever answers an agency request attaches its documents, as the
// response page does (any other task says it takes none).
const caseFile = () => import(new URL('/case-file/case-file.js', window.location.origin).href);
const tasks = (api) => `${api.tasklistApi}/plugin/cspr-case-file/${api.engine}/tasks`;

export default [{
  id: 'cspr.caseFile',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: { label: 'Case file' },
  render: async (node, { api, taskId }) => {
    const { getJson, renderCaseFile, renderProblem, renderIdentityButton } = await caseFile();
    try {
      renderCaseFile(node, await getJson(`${tasks(api)}/${taskId}`, api));
      renderIdentityButton(node, `${tasks(api)}/${taskId}/identity`, api);
    } catch (error) {
      renderProblem(node, error);
    }
  },
}, {
  id: 'cspr.documents',
  pluginPoint: 'tasklist.task.detail',
  // beside the form, where an agency answers
  priority: 900,
  properties: { label: 'Documents' },
  render: async (node, { api, taskId }) => {
    const { renderDocuments } = await caseFile();
    await renderDocuments(node, `${tasks(api)}/${taskId}/documents`, api);
  },
}];

// Tasklist offers everyone "Set follow up" and the due date's edit and reset buttons, whatever
// they may do. Only those who may change tasks (coordinators) keep them; to everyone else (an
// agency, a partner) the engine would answer 403, so the due date is shown and cannot be opened.
caseFile().then(({ markWhenNotPermitted }) => markWhenNotPermitted({
  app: 'tasklist',
  permission: 'UPDATE',
  resourceName: 'Task',
  resourceType: 7,
  watched: '[cam-tasklist-task-meta]',
  className: 'cspr-task-dates-read-only',
  css: (c) => `.${c} [cam-tasklist-task-meta] .followup-date,
  .${c} [cam-tasklist-task-meta] .due-date { pointer-events: none; cursor: default; }
  .${c} [cam-tasklist-task-meta] .reset-follow-up-date,
  .${c} [cam-tasklist-task-meta] .reset-due-date,
  .${c} [cam-tasklist-task-meta] .followup-date [translate="SET_FOLLOW_UP_DATE"],
  .${c} [cam-tasklist-task-meta] .due-date [translate="SET_DUE_DATE"] { display: none; }`,
  // the fields open their date picker from the keyboard too
  whileMarked: () => document.querySelectorAll('[cam-tasklist-task-meta] .followup-date, [cam-tasklist-task-meta] .due-date')
    .forEach((field) => field.setAttribute('tabindex', '-1')),
}));

// What is typed in a form's field is not lost when another field's change re-draws the form.
import(new URL('/forms/keep-what-is-typed.js', window.location.origin).href);

// A refused form's message beside the button pressed, none left over after it is put right, and
// the form library's messages in plain words, no weekends offered for a working day (static/tasklist/forms.js).
import(new URL('/tasklist/forms.js', window.location.origin).href).then((forms) => {
  forms.keepSubmitProblemsInSight();
  forms.rewordFormLibraryMessages();
  forms.offerOnlyWorkingDays();
});
